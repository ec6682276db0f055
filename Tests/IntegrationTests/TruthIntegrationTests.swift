import Foundation
import Testing

extension Integration {
    /// Exit codes and summaries tell the truth: one test per row of README.md's exit-code table
    /// (65 is `RefusedCredentials`; 130: `DeployIntegrationTests` and `InterruptedUpload` interrupt
    /// the real binary), `ferry verify` and `ferry up` exit 1 unless everything was verified, and a
    /// failure before the deploy never says it deployed.
    @Suite struct Truth {
        static let stackName = "truth-app"
        static let bucket = "ferry-truth-artifacts"

        /// A one-function app; `stateMachine` adds a state machine whose definition uses a nested
        /// stack's output, which only CloudFormation knows: verification cannot evaluate it.
        static func project(stateMachine: Bool = false, in existing: EmulatorEnvironment? = nil) async throws
            -> (EmulatorEnvironment, TemporaryFolder) {
            let env: EmulatorEnvironment
            if let existing { env = existing } else { env = try await EmulatorEnvironment.fresh() }
            let folder = try TemporaryFolder("ferry-truth")
            try folder.write("ferry.toml", """
                template = "template.yaml"
                [artifacts]
                bucket = "\(bucket)"

                [env.dev]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

                [env.prod]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

                """)
            let flow = stateMachine ? """
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: !GetAtt Role.Arn
                  DefinitionString: !Sub '{"Comment": "${Shared.Outputs.Value}", "StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "${Fn.Arn}", "End": true}}}'
              Shared:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: shared.yaml}

            """ : ""
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage:
                    Type: String
                    Default: dev
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Version: '2012-10-17'
                        Statement: [{Effect: Allow, Principal: {Service: [lambda.amazonaws.com, states.amazonaws.com]}, Action: sts:AssumeRole}]
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/fn
                      Handler: app.handler
                      Runtime: python3.12
                      Role: !GetAtt Role.Arn
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/other
                      Handler: app.handler
                      Runtime: python3.12
                      Role: !GetAtt Role.Arn
                \(flow)
                """)
            if stateMachine {
                try folder.write("shared.yaml", "Resources:\n  Topic: {Type: AWS::SNS::Topic}\nOutputs:\n  Value: {Value: shared-42}\n")
            }
            try folder.write("src/fn/app.py", "def handler(event, context):\n    return 1\n")
            try folder.write("src/other/app.py", "def handler(event, context):\n    return 2\n")
            return (env, folder)
        }

        static func ferry(_ arguments: [String], _ env: EmulatorEnvironment, _ folder: TemporaryFolder,
                          variables: [String: String] = [:]) async throws -> FerryRun {
            try await FerryRun.run(arguments, in: folder.url, environment: env.variables.merging(variables) { $1 })
        }

        static func lastLine(_ text: String) -> String {
            text.split(separator: "\n").last.map(String.init) ?? ""
        }

        static func occurrences(_ needle: String, in text: String) -> Int {
            text.components(separatedBy: needle).count - 1
        }

        // Row 0 and row 1 (stale is DeployIntegrationTests'): verify after up, verify without a stack.

        @Test func exit0_verifyAfterUpVerifiesEverything() async throws {
            let (env, folder) = try await Self.project()
            let up = try await Self.ferry(["up", "--env", "dev", "--yes"], env, folder)
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(Self.lastLine(up.stdout).contains("deployed through CloudFormation"), "\(up.output)")
            let verify = try await Self.ferry(["verify", "--env", "dev"], env, folder)
            #expect(verify.exitCode == 0, "\(verify.output)")
            #expect(verify.stdout.contains("all 2 resource(s) run the local build"), "\(verify.output)")
        }

        @Test func exit1_verifyWithoutTheStackSaysItOnce() async throws {
            let (env, folder) = try await Self.project()
            let build = try await Self.ferry(["build", "--env", "dev"], env, folder)
            #expect(build.exitCode == 0, "\(build.output)")
            let verify = try await Self.ferry(["verify", "--env", "dev"], env, folder)
            #expect(verify.exitCode == 1, "\(verify.output)")
            #expect(Self.occurrences("does not exist", in: verify.output) == 1, "\(verify.output)")
            #expect(verify.stdout.contains("stack \(Self.stackName) does not exist"), "\(verify.output)")
            #expect(verify.stdout.contains("ferry up"), "\(verify.output)")
            #expect(!verify.stdout.contains("Root/Fn: "), "no line per function: \(verify.output)")
        }

        @Test func exit1_upWhoseVerifyCannotCheckEverythingSaysSoLast() async throws {
            let (env, folder) = try await Self.project(stateMachine: true)
            let up = try await Self.ferry(["up", "--env", "dev", "--yes"], env, folder)
            #expect(up.exitCode == 1, "\(up.output)")
            let last = Self.lastLine(up.stdout)
            #expect(up.stdout.contains("NOT VERIFIED after up"), "\(up.output)")
            #expect(last.contains("Root/Flow"), "the last line names what was not verified: \(up.output)")
            let verify = try await Self.ferry(["verify", "--env", "dev"], env, folder)
            #expect(verify.exitCode == 1, "\(verify.output)")
            #expect(verify.stdout.contains("Root/Flow: not verified"), "\(verify.output)")
        }

        @Test func exit1_upFailingBeforeTheDeployNeverSaysDeployed() async throws {
            // prod never creates the artifact bucket: the upload fails before any deploy.
            let (env, folder) = try await Self.project()
            let up = try await Self.ferry(["up", "--env", "prod", "--approve", "--json"], env, folder)
            #expect(up.exitCode == 1, "\(up.output)")
            let summary = up.jsonLines.last { $0["event"] as? String == "up.summary" }
            let message = summary?["message"] as? String ?? ""
            #expect(message.hasPrefix("FAILED"), "\(up.output)")
            #expect(!message.contains("deployed through CloudFormation"), "\(up.output)")
            #expect(message.contains("nothing was deployed"), "\(up.output)")
            #expect((summary?["data"] as? [String: Any])?["failedPhase"] as? String == "package", "\(up.output)")
        }

        // Row 2.

        @Test func exit2_planWithExitCodeAndChanges() async throws {
            let (env, folder) = try await Self.project()
            let build = try await Self.ferry(["build", "--env", "dev"], env, folder)
            #expect(build.exitCode == 0, "\(build.output)")
            let plan = try await Self.ferry(["plan", "--env", "dev", "--exit-code"], env, folder)
            #expect(plan.exitCode == 2, "\(plan.output)")
        }

        // Row 64.

        @Test func exit64_emptyTemplate() async throws {
            let (env, folder) = try await Self.project()
            try folder.write("template.yaml", "")
            let run = try await Self.ferry(["build", "--env", "dev"], env, folder)
            #expect(run.exitCode == 64, "\(run.output)")
            #expect(run.stderr.contains("template.yaml") && run.stderr.contains("empty"), "\(run.output)")
        }

        // Row 69.

        @Test func exit69_pythonBuildWithoutAnyPython() async throws {
            let (env, folder) = try await Self.project()
            try folder.write("src/fn/requirements.txt", "requests==2.31.0\n")
            let empty = try TemporaryFolder("ferry-empty-path")
            let run = try await Self.ferry(["build", "--env", "dev"], env, folder, variables: ["PATH": empty.url.path])
            #expect(run.exitCode == 69, "\(run.output)")
            #expect(run.output.contains("python3"), "\(run.output)")
        }

        @Test func exit69_nodeBuildWithoutNpm() async throws {
            let (env, folder) = try await Self.project()
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Web:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: web
                      Handler: index.handler
                      Runtime: nodejs20.x

                """)
            try folder.write("web/index.js", "exports.handler = async () => 1;\n")
            try folder.write("web/package.json", #"{"name": "web", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}}"#)
            let empty = try TemporaryFolder("ferry-empty-path")
            let run = try await Self.ferry(["build", "--env", "dev"], env, folder, variables: ["PATH": empty.url.path])
            #expect(run.exitCode == 69, "\(run.output)")
            #expect(run.output.contains("npm"), "\(run.output)")
        }
    }
}
