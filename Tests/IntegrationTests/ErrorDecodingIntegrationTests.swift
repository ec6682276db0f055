import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// Real error responses of each wire protocol, from the emulator, decode into one `AWSError`.
    @Suite struct ErrorDecoding {
        private func awsError(_ body: () async throws -> Void) async -> AWSError? {
            do {
                try await body()
                return nil
            } catch {
                return error as? AWSError
            }
        }

        @Test func queryProtocolCloudFormation() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let error = try #require(await awsError { _ = try await CloudFormation(client: env.client()).describeStackEvents("nope") })
            #expect(error.service == "CloudFormation")
            #expect(error.code == "ValidationError")
            #expect(error.message.contains("nope"))
            #expect(error.statusCode == 400)
        }

        @Test func restXMLProtocolS3() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let s3 = S3(client: env.client())
            try await s3.createBucket("ferry-errors", region: "eu-central-1")
            let error = try #require(await awsError { _ = try await s3.getObject(bucket: "ferry-errors", key: "missing key ü+") })
            #expect(error.service == "S3")
            #expect(error.code == "NoSuchKey")
            #expect(error.statusCode == 404)
        }

        @Test func restJSONProtocolLambda() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let error = try #require(await awsError { _ = try await Lambda(client: env.client()).getFunction("no-such-function") })
            #expect(error.service == "Lambda")
            #expect(error.code == "ResourceNotFoundException")
            #expect(error.statusCode == 404)
        }

        @Test func json11ProtocolCloudWatchLogs() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let logs = CloudWatchLogs(client: env.client())
            let error = try #require(await awsError { _ = try await logs.filterLogEvents(LogEventFilter(logGroupName: "/aws/lambda/none")) })
            #expect(error.service == "CloudWatch Logs")
            #expect(error.code == "ResourceNotFoundException")
        }

        @Test func json10ProtocolStepFunctions() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let arn = "arn:aws:states:eu-central-1:123456789012:stateMachine:none"
            let error = try #require(await awsError { _ = try await StepFunctions(client: env.client()).describeStateMachine(arn) })
            #expect(error.service == "Step Functions")
            #expect(error.code == "StateMachineDoesNotExist")
        }

        @Test func nonRetryableErrorIsNotRetried() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let client = env.client(maxAttempts: 5)
            let before = client.retryQuota.availableTokens
            _ = await awsError { _ = try await CloudFormation(client: client).describeStackEvents("nope") }
            // A retry would have taken tokens from the retry quota.
            #expect(client.retryQuota.availableTokens == before)
        }
    }
}
