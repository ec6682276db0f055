import AWSServices
import Foundation
import Pipeline
import Testing

extension Integration {
    /// Gates, webhook notifications and `ferry gc` against the emulator, driving the real binary.
    @Suite struct Gates {
        static let stackName = "ferry-operate-dev"
        static let bucket = "ferry-operate-123456789012"

        private static let queueTemplate = """
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
        """

        /// A project whose `[env.dev]` has `settings`; `bucket` adds the artifact bucket.
        private func project(_ env: EmulatorEnvironment, settings: String, template: String = Self.queueTemplate,
                             bucket: Bool = false) async throws -> TemporaryFolder {
            let folder = try TemporaryFolder("ferry-operate")
            let artifacts = bucket ? "[artifacts]\nbucket = \"ferry-operate-{account}\"\nprefix = \"app/{env}\"\n" : ""
            try folder.write("ferry.toml", """
            template = "template.yaml"
            \(artifacts)
            [env.dev]
            stack_name = "\(Self.stackName)"
            \(settings)
            """)
            try folder.write("template.yaml", template)
            if bucket { try? await s3(env).createBucket(Self.bucket, region: "eu-central-1") }
            return folder
        }

        private func s3(_ env: EmulatorEnvironment) throws -> S3 {
            try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables)).s3
        }

        private func stackExists(_ env: EmulatorEnvironment) async throws -> Bool {
            let session = try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables))
            return try await CloudFormation(client: session.client).describeStack(Self.stackName) != nil
        }

        // MARK: gates

        @Test func aFailingGateStopsTheDeployBeforeAnyStackExists() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await project(env, settings: #"before_deploy = ["echo checking the build", "echo broken >&2; exit 7", "touch third-ran"]"#)
            let run = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stdout.contains("checking the build"), "gate output is shown: \(run.output)")
            #expect(run.stdout.contains("broken"), "\(run.output)")
            #expect(run.stderr.contains("gate 2 of 3 (`echo broken >&2; exit 7`) failed with exit status 7"), "\(run.output)")
            #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("third-ran").path))
            #expect(try await stackExists(env) == false)
        }

        @Test func aPassingGateLetsTheDeployThrough() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await project(env, settings: #"before_deploy = ["echo \"$FERRY_ENV\" > gate-ran.txt"]"#)
            let run = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(run.stdout.contains("gate 1/1 passed"), "\(run.output)")
            let written = try String(contentsOf: folder.url.appendingPathComponent("gate-ran.txt"), encoding: .utf8)
            #expect(written == "dev\n", "the gate ran in the project folder")
            #expect(try await stackExists(env))
        }

        @Test func skipGatesDeploysAndWarnsLoudly() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await project(env, settings: #"before_deploy = ["exit 1"]"#)
            let run = try await FerryRun.run(["deploy", "--yes", "--skip-gates", "--json"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 0, "\(run.output)")
            let skipped = run.jsonLines.first { $0["event"] as? String == "gate.skipped" }
            #expect(skipped?["level"] as? String == "warning", "\(run.output)")
            #expect(try await stackExists(env))
        }

        // MARK: notifications

        @Test func aDeployPostsItsSummaryToTheWebhookAndAnUpToDateDeployPostsNothing() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let hook = try LoopbackWebhook()
            defer { hook.stop() }
            let folder = try await project(env, settings: #"notify = ["${FERRY_IT_HOOK}"]"#)
            var variables = env.variables
            variables["FERRY_IT_HOOK"] = hook.url
            let run = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: variables)
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(run.stdout.contains("notified http://127.0.0.1:\(hook.port)/…"), "\(run.output)")
            let posted = try #require(hook.json.first, "\(run.output)")
            #expect(hook.json.count == 1)
            let text = try #require(posted["text"] as? String)
            #expect(text.contains("\(Self.stackName) (dev) deployed by arn:aws:"), "\(text)")
            #expect(text.contains("1 to add"), "\(text)")
            #expect((posted["blocks"] as? [Any])?.isEmpty == false)
            let facts = try #require(posted["ferry"] as? [String: Any])
            #expect(facts["environment"] as? String == "dev")
            #expect(facts["outcome"] as? String == "succeeded")
            #expect((facts["who"] as? String)?.hasPrefix("arn:aws:") == true)
            #expect((facts["changes"] as? [String])?.contains { $0.contains("Jobs") } == true, "\(facts)")
            #expect((facts["consoleURL"] as? String)?.hasPrefix("https://eu-central-1.console.aws.amazon.com/cloudformation/") == true)

            let again = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: variables)
            #expect(again.exitCode == 0, "\(again.output)")
            #expect(again.stdout.contains("up to date"), "\(again.output)")
            let dryRun = try await FerryRun.run(["deploy", "--dry-run"], in: folder.url, environment: variables)
            #expect(dryRun.exitCode == 0, "\(dryRun.output)")
            #expect(hook.bodies.count == 1, "up to date and dry run send nothing")
        }

        @Test func aWebhookAnswering500TwiceIsRetriedUntilItAccepts() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let hook = try LoopbackWebhook(statuses: [500, 500])
            defer { hook.stop() }
            let folder = try await project(env, settings: "notify = [\"\(hook.url)\"]")
            let run = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(hook.bodies.count == 3, "\(run.output)")
            #expect(Set(hook.bodies).count == 1, "each attempt posts the same JSON")
            #expect(!run.stdout.contains("could not notify"), "\(run.output)")
        }

        @Test func anUnreachableWebhookIsAWarningAndTheDeploySucceeds() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let port = try LoopbackWebhook.refusedPort()
            let folder = try await project(env, settings: "notify = [\"http://127.0.0.1:\(port)/hook\"]")
            let run = try await FerryRun.run(["deploy", "--yes", "--json"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 0, "\(run.output)")
            let warning = run.jsonLines.first { $0["event"] as? String == "notify.webhook" }
            #expect(warning?["level"] as? String == "warning", "\(run.output)")
            #expect((warning?["message"] as? String)?.contains("after 3 attempt(s)") == true, "\(run.output)")
            #expect(try await stackExists(env))
        }
    }
}
