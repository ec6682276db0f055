import AWSServices
import Foundation
import Hotswap
import Pipeline
import Testing

extension Integration {
    /// `ferry history`, `ferry rollback` and `ferry doctor`'s stack, lock and drift checks against
    /// the emulator, on a small SAM app of two Python functions built and packaged by Ferry.
    @Suite struct Rollback {
        static let stackName = "ferry-rollback-dev"
        static let bucket = "ferry-rb-123456789012"
        static let prefix = "app/dev"

        /// The app: `Greeter` (code and MemorySize change in v2) and `Counter` (hot-swapped after v2).
        static func template(greeterMemory: Int) -> String {
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
              Token:
                Type: String
                NoEcho: true
            Resources:
              Greeter:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/greeter/
                  MemorySize: \(greeterMemory)
                  Environment: {Variables: {STAGE: !Ref Stage}}
              Counter:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/counter/
            """
        }

        static func source(_ tag: String) -> String { "def handler(event, context):\n    return '\(tag)'\n" }

        struct App {
            let env: EmulatorEnvironment
            let folder: TemporaryFolder
            var client: AWSServices.CloudFormation { CloudFormation(client: env.client()) }

            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            /// build, package, deploy; expects each to succeed.
            func release(_ label: String) async throws {
                for step in [["build"], ["package", "--create-bucket"], ["deploy", "--yes", "--parameter", "Token=s3cr3t-\(label)"]] {
                    let run = try await ferry(step)
                    #expect(run.exitCode == 0, "\(label) \(step[0]): \(run.output)")
                    if run.exitCode != 0 { throw EmulatorError("\(label) \(step[0]) failed") }
                }
            }

            /// CodeSha256 per logical ID.
            func code() async throws -> [String: String] {
                let lambda = Lambda(client: env.client())
                var result: [String: String] = [:]
                for resource in try await client.listStackResources(Rollback.stackName)
                where resource.resourceType == "AWS::Lambda::Function" {
                    result[resource.logicalResourceId] = try await lambda.getFunctionConfiguration(resource.physicalResourceId ?? "").codeSha256
                }
                return result
            }

            func deployedTemplate() async throws -> String? {
                try await client.getTemplate(stackName: Rollback.stackName, stage: .original).templateBody
            }

            func history() async throws -> [[String: Any]] {
                let run = try await ferry(["history", "--json"])
                #expect(run.exitCode == 0, "\(run.output)")
                return run.jsonLines.filter { $0["event"] as? String == "history.record" }
                    .compactMap { ($0["data"] as? [String: Any])?["entry"] as? [String: Any] }
            }

            func doctorCheck(_ run: FerryRun, _ id: String) -> [String: Any]? {
                run.jsonLines.first { $0["event"] as? String == "doctor.check" && ($0["data"] as? [String: Any])?["id"] as? String == id }?["data"] as? [String: Any]
            }
        }

        static func app() async throws -> App {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-rollback")
            try folder.write("ferry.toml", """
                template = "template.yaml"

                [artifacts]
                bucket = "ferry-rb-{account}"
                prefix = "app/{env}"

                [env.dev]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                hotswap = true

                [env.dev.parameters]
                Stage = "dev"
                """)
            try folder.write("template.yaml", template(greeterMemory: 128))
            try folder.write("src/greeter/app.py", source("hello v1"))
            try folder.write("src/counter/app.py", source("count v1"))
            return App(env: env, folder: folder)
        }

        @Test func rollsBackTemplateAndCodeIncludingAHotswapAndRecordsIt() async throws {
            let app = try await Self.app()
            try await app.release("v1")
            let v1Code = try await app.code()
            let v1Template = try #require(try await app.deployedTemplate())

            // v2: Greeter's code and MemorySize change.
            try app.folder.write("src/greeter/app.py", Self.source("hello v2"))
            try app.folder.write("template.yaml", Self.template(greeterMemory: 256))
            try await app.release("v2")
            let v2Code = try await app.code()
            #expect(v2Code["Greeter"] != v1Code["Greeter"])
            #expect(v2Code["Counter"] == v1Code["Counter"])

            // A hot-swap of Counter after v2: its template does not change, so only step 2 restores it.
            try app.folder.write("src/counter/app.py", Self.source("count hot"))
            #expect(try await app.ferry(["build"]).exitCode == 0)
            let update = try await app.ferry(["update", "--env", "dev"])
            #expect(update.exitCode == 0, "\(update.output)")
            #expect(try await app.code()["Counter"] != v1Code["Counter"])

            var history = try await app.history()
            #expect(history.map { $0["kind"] as? String } == ["hotswap", "deploy", "deploy"], "\(history)")
            let swaps = history.first?["swaps"] as? [[String: Any]]
            #expect(swaps?.map { $0["resource"] as? String } == ["Root/Counter"], "\(history)")
            #expect(swaps?.first?["oldHash"] as? String == v1Code["Counter"])
            let v1ID = try #require(history.last?["id"] as? String)
            let show = try await app.ferry(["history", "show", String(v1ID.prefix(8))])
            #expect(show.exitCode == 0, "\(show.output)")
            #expect(show.stdout.contains("id: \(v1ID)"), "\(show.output)")
            #expect(show.stdout.contains("Token=****") && !show.output.contains("s3cr3t"), "\(show.output)")

            // Doctor: the stack's state, a lock someone holds, and the hot-swapped code.
            let s3 = S3(client: app.env.client())
            let lockKey = "\(Self.prefix)/.ferry/locks/\(Self.stackName).json"
            let lock = """
            {"id": "x", "owner": "arn:aws:iam::123456789012:user/ana", "host": "ana-laptop", "pid": 4242,
             "stackName": "\(Self.stackName)", "environment": "dev",
             "acquiredAt": "2026-11-27T10:00:00Z", "expiresAt": "2099-01-01T00:00:00Z"}
            """
            _ = try await s3.putObject(bucket: Self.bucket, key: lockKey, body: .data(Data(lock.utf8)))
            let doctor = try await app.ferry(["doctor", "--json"])
            let stack = app.doctorCheck(doctor, "stack")
            #expect(stack?["status"] as? String == "ok", "\(doctor.output)")
            #expect((stack?["detail"] as? String)?.contains("\(Self.stackName) is UPDATE_COMPLETE") == true, "\(doctor.output)")
            let held = app.doctorCheck(doctor, "lock")
            #expect(held?["status"] as? String == "warning", "\(doctor.output)")
            #expect((held?["detail"] as? String)?.contains("held by arn:aws:iam::123456789012:user/ana on ana-laptop (pid 4242)") == true)
            let drift = app.doctorCheck(doctor, "drift")
            #expect(drift?["status"] as? String == "warning", "\(doctor.output)")
            #expect((drift?["detail"] as? String)?.contains("Root/Counter") == true, "\(doctor.output)")
            #expect((drift?["fix"] as? String)?.contains("ferry deploy --env dev") == true)

            // While the lock is held, a rollback is refused and changes nothing.
            let locked = try await app.ferry(["rollback", "--yes"])
            #expect(locked.exitCode == 1, "\(locked.output)")
            #expect(locked.stderr.contains("ana"), "\(locked.output)")
            try await s3.deleteObject(bucket: Self.bucket, key: lockKey)

            // A dry run shows the plan and changes nothing.
            let dry = try await app.ferry(["rollback", "--dry-run", "--json"])
            #expect(dry.exitCode == 0, "\(dry.output)")
            let plan = try #require(dry.jsonLines.first { $0["event"] as? String == "rollback.plan" }?["data"] as? [String: Any], "\(dry.output)")
            let steps = (plan["plan"] as? [String: Any])?["code"] as? [[String: Any]] ?? []
            let actions = Dictionary(uniqueKeysWithValues: steps.compactMap { step -> (String, String)? in
                guard let resource = step["resource"] as? String, let action = step["action"] as? String else { return nil }
                return (resource, action)
            })
            #expect(actions == ["Root/Greeter": "cloudformation", "Root/Counter": "hotswap"], "\(dry.output)")
            #expect(try await app.code() != v1Code)

            // The rollback: template through CloudFormation, Counter by hot-swap, both verified.
            let rollback = try await app.ferry(["rollback", "--yes"])
            #expect(rollback.exitCode == 0, "\(rollback.output)")
            #expect(rollback.stdout.contains("hot-swap from s3://\(Self.bucket)/\(Self.prefix)/"), "\(rollback.output)")
            #expect(rollback.stdout.contains("template and code verified"), "\(rollback.output)")
            #expect(!rollback.output.contains("s3cr3t"))
            #expect(try await app.code() == v1Code)
            #expect(try await app.deployedTemplate() == v1Template)
            let parameters = try await app.client.describeStack(Self.stackName)?.parameters.member ?? []
            #expect(parameters.contains { $0.parameterKey == "Stage" && $0.parameterValue == "dev" })

            history = try await app.history()
            #expect(history.map { $0["kind"] as? String } == ["rollback", "hotswap", "deploy", "deploy"], "\(history)")
            #expect(history.first?["outcome"] as? String == "rolled-back")
            #expect((history.first?["record"] as? [String: Any])?["rollbackOf"] as? String == v1ID)

            // Nothing runs ahead of the template any more.
            let after = try await app.ferry(["doctor", "--json"])
            #expect(app.doctorCheck(after, "drift")?["status"] as? String == "ok", "\(after.output)")
            #expect(app.doctorCheck(after, "lock")?["status"] as? String == "ok", "\(after.output)")

            // A record whose template was garbage-collected cannot be rolled back to, and says so.
            let v1Hash = try #require((history.last?["record"] as? [String: Any])?["templateHash"] as? String)
            try await s3.deleteObject(bucket: Self.bucket, key: "\(Self.prefix)/\(v1Hash).template")
            let gone = try await app.ferry(["rollback", "--to", String(v1ID.prefix(8)), "--yes"])
            #expect(gone.exitCode == 1, "\(gone.output)")
            #expect(gone.stderr.contains("is no longer in the artifact bucket"), "\(gone.output)")
            #expect(gone.stderr.contains("\(Self.prefix)/\(v1Hash).template"), "\(gone.output)")
        }
    }
}
