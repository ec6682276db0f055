import { greet } from './lib/greeting';

export interface Result {
    statusCode: number;
    body: string;
}

export const lambdaHandler = async (): Promise<Result> => {
    return {
        statusCode: 200,
        body: JSON.stringify({ message: greet(process.env.GREETING ?? 'hello', 'world') }),
    };
};
