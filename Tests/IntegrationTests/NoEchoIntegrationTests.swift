import Foundation
import Testing

extension Integration {
    /// NoEcho values (root parameters from ferry.toml, a nested stack's literal) never appear in
    /// what Ferry prints, `--debug` traces included: the emulator, unlike AWS, echoes them back.
    @Suite struct NoEcho {
        static let rootSecret = "root-secret-value-1"
        static let newRootSecret = "root-secret-value-2"
        static let childSecret = "literal-child-token-123"

        static func project() async throws -> (EmulatorEnvironment, TemporaryFolder) {
            let (env, folder) = try await Truth.project()
            let toml = try String(contentsOf: folder.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
            try folder.write("ferry.toml", toml.replacingOccurrences(
                of: "[env.prod]", with: "[env.dev.parameters]\nDbPassword = \"\(rootSecret)\"\n\n[env.prod]"))
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  DbPassword:
                    Type: String
                    NoEcho: true
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Version: '2012-10-17'
                        Statement: [{Effect: Allow, Principal: {Service: [lambda.amazonaws.com]}, Action: sts:AssumeRole}]
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/fn
                      Handler: app.handler
                      Runtime: python3.12
                      Role: !GetAtt Role.Arn
                      Environment:
                        Variables:
                          DB_PASSWORD: !Ref DbPassword
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child/template.yaml
                      Parameters:
                        Password: !Ref DbPassword
                        Token: \(childSecret)

                """)
            try folder.write("child/template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Password: {Type: String, NoEcho: true}
                  Token: {Type: String, NoEcho: true}
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      DisplayName: child

                """)
            return (env, folder)
        }

        static func expectNoSecret(_ run: FerryRun, _ secrets: [String] = [rootSecret, newRootSecret, childSecret]) {
            for secret in secrets {
                #expect(!run.stdout.contains(secret), "\(secret) printed on stdout:\n\(run.stdout)")
                #expect(!run.stderr.contains(secret), "\(secret) printed on stderr")
            }
        }

        @Test func debugTracesPlanAndHistoryNeverShowNoEchoValues() async throws {
            let (env, folder) = try await Self.project()
            let up = try await FerryRun.run(["up", "--env", "dev", "--yes", "--debug"], in: folder.url, environment: env.variables)
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(up.stderr.contains("[debug] → CloudFormation CreateChangeSet"), "the traces were printed")
            #expect(up.stderr.contains("ParameterKey=DbPassword"), "the parameter was sent")
            Self.expectNoSecret(up)

            let toml = try String(contentsOf: folder.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
            try folder.write("ferry.toml", toml.replacingOccurrences(of: Self.rootSecret, with: Self.newRootSecret))
            let plan = try await FerryRun.run(["plan", "--env", "dev", "--debug"], in: folder.url, environment: env.variables)
            #expect(plan.exitCode == 0, "\(plan.output)")
            #expect(plan.stderr.contains("DescribeStacks"), "the deployed parameters were read")
            #expect(plan.stdout.contains("DbPassword (NoEcho) changes"), "\(plan.stdout)")
            Self.expectNoSecret(plan)

            let history = try await FerryRun.run(["history", "--env", "dev", "--debug"], in: folder.url, environment: env.variables)
            #expect(history.exitCode == 0, "\(history.output)")
            Self.expectNoSecret(history)
            let json = try await FerryRun.run(["up", "--env", "dev", "--yes", "--json", "--debug"], in: folder.url,
                                              environment: env.variables)
            #expect(json.exitCode == 0, "\(json.output)")
            Self.expectNoSecret(json)
        }
    }
}
