import Foundation
import Testing

extension Integration {
    /// The shapes public SAM apps have, in one small app brought up by the real binary on the
    /// emulator and verified: a REST API from `Events: Api`, an HTTP API from `Events: HttpApi`, an
    /// `AWS::Serverless::HttpApi` whose `DefinitionBody` is an `AWS::Include` of a local file, a
    /// layer, a state machine that takes a function's `GetAtt Arn` and is read back by
    /// `GetAtt Arn`, and a nested stack whose output the root references.
    @Suite struct CommonShapes {
        static let template = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Deps:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layers/deps
                  CompatibleRuntimes: [python3.12]
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/hello
                  Handler: app.handler
                  Runtime: python3.12
                  Layers: [!Ref Deps]
                  Environment:
                    Variables:
                      TABLE: !GetAtt Shared.Outputs.TableName
                      WORKERS: 20
                  Events:
                    Rest: {Type: Api, Properties: {Path: /hello, Method: get}}
                    Http: {Type: HttpApi, Properties: {Path: /hi, Method: get}}
              Included:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefinitionBody:
                    Fn::Transform:
                      Name: AWS::Include
                      Parameters: {Location: api/openapi.yaml}
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: statemachine/flow.asl.json
                  DefinitionSubstitutions: {HelloArn: !GetAtt Hello.Arn}
                  Policies: [{LambdaInvokePolicy: {FunctionName: !Ref Hello}}]
              Shared:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: shared/template.yaml}
            Outputs:
              FlowArn: {Value: !GetAtt Flow.Arn}
              RestUrl: {Value: !Sub 'https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/hello'}

            """

        static let files: [String: String] = [
            "ferry.toml": """
                template = "template.yaml"

                [artifacts]
                bucket = "ferry-shapes-123456789012"

                [env.dev]
                stack_name = "shapes-app"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
                """,
            "template.yaml": template,
            "src/hello/app.py": "def handler(event, context):\n    return {'statusCode': 200, 'body': 'hello'}\n",
            "layers/deps/python/helpers.py": "GREETING = 'hello'\n",
            "api/openapi.yaml": """
                openapi: '3.0.1'
                info: {title: included-api, version: '1.0'}
                paths:
                  /ping:
                    get:
                      responses: {'200': {description: ok}}

                """,
            "statemachine/flow.asl.json": #"{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "${HelloArn}", "End": true}}}"#,
            "shared/template.yaml": """
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                Outputs:
                  TableName: {Value: !Ref Table}

                """,
        ]

        @Test func upDeploysEveryShapeAndVerifies() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-shapes")
            for (path, text) in Self.files { try folder.write(path, text) }
            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            let up = try await ferry(["up", "--yes"])
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(up.stdout.contains("deployed through CloudFormation"), "\(up.output)")

            let verify = try await ferry(["verify", "--verbose"])
            #expect(verify.exitCode == 0, "\(verify.output)")
            #expect(verify.output.contains("Root/Hello: fresh"), "\(verify.output)")
            #expect(verify.output.contains("Root/Flow"), "\(verify.output)")

            let idle = try await ferry(["plan", "--exit-code"])
            #expect(idle.exitCode == 0, "a second look finds nothing to do: \(idle.output)")

            try folder.write("statemachine/flow.asl.json",
                             #"{"Comment": "v2", "StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "${HelloArn}", "End": true}}}"#)
            try folder.write("src/hello/app.py", "def handler(event, context):\n    return {'statusCode': 200, 'body': 'hello 2'}\n")
            let swapped = try await ferry(["up", "--yes"])
            #expect(swapped.exitCode == 0, "\(swapped.output)")
            #expect(swapped.stdout.contains("hot-swapped 2 resource(s)"), "\(swapped.output)")
            let after = try await ferry(["verify"])
            #expect(after.exitCode == 0, "\(after.output)")
        }
    }
}
