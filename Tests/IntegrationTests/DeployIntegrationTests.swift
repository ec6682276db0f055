import AWSServices
import Foundation
import Pipeline
import Testing

extension Integration {
    /// `ferry deploy` and `ferry history` against the emulator, driving the real binary with
    /// small self-made templates (plain CloudFormation resources and a nested stack).
    @Suite struct Deploy {
        static let stackName = "ferry-it-dev"
        static let account = "123456789012"
        static let bucket = "ferry-it-\(account)"
        static let lockKey = "app/dev/.ferry/locks/\(stackName).json"

        /// A project folder with a ferry.toml and the given template, and the artifact bucket created.
        private func project(_ env: EmulatorEnvironment, template: String, settings: String = "") async throws -> TemporaryFolder {
            let folder = try TemporaryFolder("ferry-deploy")
            try folder.write("ferry.toml", """
            template = "template.yaml"

            [artifacts]
            bucket = "ferry-it-{account}"
            prefix = "app/{env}"

            [env.dev]
            stack_name = "\(Self.stackName)"
            \(settings)

            [env.dev.parameters]
            Stage = "dev"

            [env.dev.tags]
            Project = "ferry-it"
            """)
            try folder.write("template.yaml", template)
            let s3 = try s3Client(env)
            try? await s3.createBucket(Self.bucket, region: "eu-central-1")
            return folder
        }

        private func s3Client(_ env: EmulatorEnvironment) throws -> S3 {
            try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables)).s3
        }

        /// Puts a nested template in the emulator's S3 and returns its `TemplateURL`.
        private func nestedTemplate(_ env: EmulatorEnvironment, _ text: String) async throws -> String {
            let s3 = try s3Client(env)
            try? await s3.createBucket(Self.bucket, region: "eu-central-1")
            _ = try await s3.putObject(bucket: Self.bucket, key: "nested/child.yaml", body: .data(Data(text.utf8)))
            return env.endpoint.absoluteString + "/\(Self.bucket)/nested/child.yaml"
        }

        private static let child = """
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: /ferry-it/child
        """

        private static func root(childURL: String, extra: String = "") -> String {
            """
            Parameters:
              Stage:
                Type: String
              Secret:
                Type: String
                NoEcho: true
                Default: not-shown-1234
            Resources:
              Uploads:
                Type: AWS::S3::Bucket
              Items:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              Workers:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: \(childURL)
            \(extra)
            Outputs:
              UploadsBucket:
                Value: !Ref Uploads
            """
        }

        @Test func deploysFromNothingThenIsUpToDateThenDeploysOnlyTheChange() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let url = try await nestedTemplate(env, Self.child)
            let folder = try await project(env, template: Self.root(childURL: url))

            let secret = ["--parameter", "Secret=hunter2-secret"]
            let first = try await FerryRun.run(["deploy", "--yes"] + secret, in: folder.url, environment: env.variables)
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(first.stdout.contains("CREATE change set"), "\(first.output)")
            // The emulator computes nested change sets (IncludeNestedStacks), as AWS does: the
            // nested stack's two resources are planned too.
            #expect(first.stdout.contains("5 to add, 0 to modify, 0 to remove"), "\(first.output)")
            #expect(first.stdout.contains("nested stack Workers:"), "\(first.output)")
            #expect(first.stdout.contains("+ Jobs (AWS::SQS::Queue)"), "\(first.output)")
            #expect(first.stdout.contains("Jobs CREATE_COMPLETE AWS::SQS::Queue"), "nested stack events: \(first.output)")
            #expect(first.stdout.contains("\(Self.stackName) is CREATE_COMPLETE"), "\(first.output)")
            #expect(first.stdout.contains("UploadsBucket = "), "outputs: \(first.output)")
            #expect(first.stdout.contains("Secret=****"), "\(first.output)")
            #expect(!first.output.contains("hunter2-secret"), "NoEcho values are never printed")

            let second = try await FerryRun.run(["deploy", "--yes"] + secret, in: folder.url, environment: env.variables)
            #expect(second.exitCode == 0, "\(second.output)")
            #expect(second.stdout.contains("up to date"), "\(second.output)")

            let changed = Self.root(childURL: url, extra: """
              Audit:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: /ferry-it/audit
            """)
            try folder.write("template.yaml", changed)
            let third = try await FerryRun.run(["deploy", "--yes"] + secret, in: folder.url, environment: env.variables)
            #expect(third.exitCode == 0, "\(third.output)")
            #expect(third.stdout.contains("1 to add, 0 to modify, 0 to remove"), "\(third.output)")
            #expect(third.stdout.contains("+ Audit (AWS::Logs::LogGroup)"), "\(third.output)")
            #expect(third.stdout.contains("is UPDATE_COMPLETE"), "\(third.output)")

            let history = try await FerryRun.run(["history", "--json"], in: folder.url, environment: env.variables)
            #expect(history.exitCode == 0, "\(history.output)")
            let outcomes = history.jsonLines.compactMap { (($0["data"] as? [String: Any])?["record"] as? [String: Any])?["outcome"] as? String }
            #expect(outcomes == ["deployed", "up-to-date", "deployed"], "\(history.output)")
            #expect(!history.stdout.contains("hunter2-secret"))
            #expect(history.stdout.contains("arn:aws:"), "who deployed: \(history.output)")
        }

        @Test func aFailingResourcePrintsTheRootCauseAndTheNextDeployRecovers() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let failing = """
            Resources:
              Uploads:
                Type: AWS::S3::Bucket
              Jobs:
                Type: AWS::SQS::Queue
                Metadata:
                  FerryEmulatorFail: "Resource handler returned message: Queue policy denied"
              Items:
                Type: AWS::DynamoDB::Table
                DependsOn: Jobs
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """
            let folder = try await project(env, template: failing)
            let failed = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(failed.exitCode == 1, "\(failed.output)")
            #expect(failed.stdout.contains("root cause: Jobs (AWS::SQS::Queue) in stack \(Self.stackName)"), "\(failed.output)")
            #expect(failed.stdout.contains("Queue policy denied"), "\(failed.output)")
            #expect(failed.stderr.contains("ROLLBACK_COMPLETE"), "\(failed.output)")
            let rootCauseLine = try #require(failed.stdout.range(of: "root cause:"))
            let finalLine = try #require(failed.stdout.range(of: "is ROLLBACK_COMPLETE"))
            #expect(rootCauseLine.lowerBound < finalLine.lowerBound, "root cause first, then the final status")

            try folder.write("template.yaml", failing.replacingOccurrences(
                of: "    Metadata:\n      FerryEmulatorFail: \"Resource handler returned message: Queue policy denied\"\n", with: ""))
            let recovered = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(recovered.exitCode == 0, "\(recovered.output)")
            #expect(recovered.stdout.contains("ROLLBACK_COMPLETE (its first create failed): deleting it"), "\(recovered.output)")
            #expect(recovered.stdout.contains("is CREATE_COMPLETE"), "\(recovered.output)")
        }

        @Test func aFailingNestedStackNamesTheNestedResourceAsRootCause() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let url = try await nestedTemplate(env, """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              Broken:
                Type: AWS::Logs::LogGroup
                Metadata:
                  FerryEmulatorFail: "Resource handler returned message: Log group quota reached"
                Properties:
                  LogGroupName: /ferry-it/broken
            """)
            let folder = try await project(env, template: Self.root(childURL: url))
            let run = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stdout.contains("root cause: Broken (AWS::Logs::LogGroup) in stack \(Self.stackName)-Workers-"), "\(run.output)")
            #expect(run.stdout.contains("Log group quota reached"), "\(run.output)")
            #expect(run.stderr.contains("ROLLBACK_COMPLETE"), "\(run.output)")
        }

        @Test func aMissingArtifactBucketIsNamedWithTheFix() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-deploy")
            try folder.write("ferry.toml", "[artifacts]\nbucket = \"nobody-made-this\"\n\n[env.dev]\nstack_name = \"x-dev\"\n")
            try folder.write("template.yaml", "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n")
            let run = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("artifact bucket nobody-made-this does not exist"), "\(run.output)")
            #expect(run.stderr.contains("ferry package --create-bucket --env dev"), "\(run.output)")
        }

        @Test func aLockHeldBySomeoneElseIsRefusedWithTheirName() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await project(env, template: "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n")
            let holder = """
            {"id": "other-deploy", "owner": "arn:aws:iam::123456789012:user/alice", "host": "alice-laptop", "pid": 4242,
             "stackName": "\(Self.stackName)", "environment": "dev",
             "acquiredAt": "\(Date().formatted(.iso8601))", "expiresAt": "\(Date().addingTimeInterval(3600).formatted(.iso8601))"}
            """
            _ = try await s3Client(env).putObject(bucket: Self.bucket, key: Self.lockKey, body: .data(Data(holder.utf8)))

            let refused = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(refused.exitCode == 1, "\(refused.output)")
            #expect(refused.stderr.contains("locked by arn:aws:iam::123456789012:user/alice"), "\(refused.output)")
            #expect(refused.stderr.contains("alice-laptop"))
            #expect(refused.stderr.contains("--force-unlock"))

            let forced = try await FerryRun.run(["deploy", "--yes", "--force-unlock"], in: folder.url, environment: env.variables)
            #expect(forced.exitCode == 0, "\(forced.output)")
            #expect(forced.stdout.contains("removed the lock held by arn:aws:iam::123456789012:user/alice"), "\(forced.output)")
            // Our own lock is released at the end.
            let objects = try await s3Client(env).listObjectsV2(bucket: Self.bucket, prefix: "app/dev/.ferry/locks/")
            #expect(objects.isEmpty)
        }

        @Test func aStaleLockIsReplacedWithAWarning() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await project(env, template: "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n")
            let holder = """
            {"id": "crashed", "owner": "arn:aws:iam::123456789012:user/bob", "host": "ci-runner", "pid": 7,
             "stackName": "\(Self.stackName)", "environment": "dev",
             "acquiredAt": "\(Date().addingTimeInterval(-9000).formatted(.iso8601))",
             "expiresAt": "\(Date().addingTimeInterval(-1800).formatted(.iso8601))"}
            """
            _ = try await s3Client(env).putObject(bucket: Self.bucket, key: Self.lockKey, body: .data(Data(holder.utf8)))
            let run = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(run.stdout.contains("replaced a stale lock of arn:aws:iam::123456789012:user/bob"), "\(run.output)")
        }

        @Test func approvalRequiredNeedsApproveOffATerminalAndTerminationProtectionIsTurnedOn() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await project(
                env, template: "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n",
                settings: "approval = \"required\"\ntermination_protection = true")
            let refused = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(refused.exitCode == 1, "\(refused.output)")
            #expect(refused.stderr.contains("--approve"), "\(refused.output)")
            #expect(refused.stdout.contains("+ Jobs (AWS::SQS::Queue)"), "the change set is shown first: \(refused.output)")

            let approved = try await FerryRun.run(["deploy", "--approve"], in: folder.url, environment: env.variables)
            #expect(approved.exitCode == 0, "\(approved.output)")
            let cloudFormation = CloudFormation(client: try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables)).client)
            let stack = try #require(try await cloudFormation.describeStack(Self.stackName))
            if stack.enableTerminationProtection == true {
                #expect(approved.stdout.contains("termination protection turned on"), "\(approved.output)")
            } else {
                // moto 5.2.1 does not implement UpdateTerminationProtection: the deploy says so
                // and names the command instead of failing a deploy that succeeded.
                #expect(approved.stdout.contains("could not turn on termination protection"), "\(approved.output)")
                #expect(approved.stdout.contains("update-termination-protection --enable-termination-protection --stack-name \(Self.stackName)"))
            }
        }

        @Test func noWaitRefusesAStackThatIsBusy() async throws {
            let env = try await EmulatorEnvironment.fresh()
            // The emulator keeps this stack in progress for 20 s (FerryEmulatorDelay), so the second
            // deploy surely finds it busy.
            let folder = try await project(env, template: "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Metadata:\n      FerryEmulatorDelay: 20\n")
            // Start a deploy and interrupt it as soon as it executes: the stack stays busy.
            let (interrupted, _) = try await FerryLiveRun.run(
                ["deploy", "--yes"], in: folder.url, environment: env.variables,
                signalWhen: "executing change set", signal: SIGINT)
            #expect(interrupted.exitCode == 130, "\(interrupted.output)")
            try folder.write("template.yaml", "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Metadata:\n      FerryEmulatorDelay: 20\n  More:\n    Type: AWS::SQS::Queue\n")
            let run = try await FerryRun.run(["deploy", "--yes", "--no-wait"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("CREATE_IN_PROGRESS"), "\(run.output)")
        }

        @Test func ctrlCDuringExecutionSaysCloudFormationGoesOnAndExits130() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let url = try await nestedTemplate(env, Self.child)
            // FerryEmulatorDelay keeps the stack in progress long enough for the signal to land
            // during execution however loaded the machine is.
            let slow = "  Slow:\n    Type: AWS::SQS::Queue\n    Metadata:\n      FerryEmulatorDelay: 8"
            let folder = try await project(env, template: Self.root(childURL: url, extra: slow))
            let (run, signalled) = try await FerryLiveRun.run(
                ["deploy", "--yes"], in: folder.url, environment: env.variables,
                signalWhen: "executing change set", signal: SIGINT)
            #expect(signalled, "\(run.output)")
            #expect(run.exitCode == 130, "\(run.output)")
            #expect(run.stderr.contains("CloudFormation goes on deploying stack \(Self.stackName)"), "\(run.output)")
            #expect(run.stderr.contains("ferry deploy --env dev --cancel"), "\(run.output)")
            // The lock was released on the way out, and the stack finishes without us: the next
            // deploy waits if needed and finds nothing to do.
            let next = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(next.exitCode == 0, "\(next.output)")
            #expect(next.stdout.contains("up to date"), "\(next.output)")
            let history = try await FerryRun.run(["history", "--json"], in: folder.url, environment: env.variables)
            let outcomes = history.jsonLines.compactMap { (($0["data"] as? [String: Any])?["record"] as? [String: Any])?["outcome"] as? String }
            #expect(outcomes == ["up-to-date", "interrupted"], "\(history.output)")
        }

        @Test func dryRunShowsTheChangeSetAndChangesNothing() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await project(env, template: "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n")
            let run = try await FerryRun.run(["deploy", "--dry-run"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(run.stdout.contains("+ Jobs (AWS::SQS::Queue)"), "\(run.output)")
            #expect(run.stdout.contains("dry run"), "\(run.output)")
            let cloudFormation = CloudFormation(client: try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables)).client)
            let stack = try await cloudFormation.describeStack(Self.stackName)
            #expect(stack == nil || stack?.stackStatus == .deleteComplete || stack?.stackStatus == .deleteInProgress)
        }
    }
}
