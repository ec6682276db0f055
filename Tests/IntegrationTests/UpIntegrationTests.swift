import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// `ferry plan` and `ferry up` on a small app: three functions (two share a local library
    /// through requirements.txt), a state machine with an inline definition, and a nested stack
    /// with a fourth function. Every AWS request is read back from the emulator's journal.
    @Suite struct Up {
        static let bucket = "ferry-up-artifacts"
        static let stackName = "up-app"

        struct Project {
            let env: EmulatorEnvironment
            let folder: TemporaryFolder
            let client: AWSClient

            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            /// Function name per qualified name (`Root/FnA`, `Root/Child/FnD`).
            func functionNames() async throws -> [String: String] {
                let cloudFormation = CloudFormation(client: client)
                var names: [String: String] = [:]
                for resource in try await cloudFormation.listStackResources(Up.stackName) {
                    if resource.resourceType == "AWS::Lambda::Function" {
                        names["Root/\(resource.logicalResourceId)"] = resource.physicalResourceId
                    }
                    if resource.resourceType == "AWS::CloudFormation::Stack", let child = resource.physicalResourceId {
                        for nested in try await cloudFormation.listStackResources(child) where nested.resourceType == "AWS::Lambda::Function" {
                            names["Root/\(resource.logicalResourceId)/\(nested.logicalResourceId)"] = nested.physicalResourceId
                        }
                    }
                }
                return names
            }

            /// The journal's requests of `operation`.
            func requests(_ operation: String) async throws -> [JournaledRequest] {
                try await env.journal().filter { $0.operation == operation }
            }
        }

        static func template(comment: String = "v1", memory: Int? = nil, layer: Bool = false) -> String {
            let memoryLine = memory.map { "      MemorySize: \($0)\n" } ?? ""
            // No function references the layer: moto fails to update a function whose Layers
            // name a new layer version ('LayerVersion' object has no attribute 'replace').
            let layerResource = layer ? """
              Extra:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layer
                  CompatibleRuntimes: [python3.12]

            """ : ""
            return """
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
              FnA:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/a
                  Handler: app.handler
                  Runtime: python3.12
                  Role: !GetAtt Role.Arn
            \(memoryLine)\(layerResource)  FnB:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/b
                  Handler: app.handler
                  Runtime: python3.12
                  Role: !GetAtt Role.Arn
              FnC:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/c
                  Handler: app.handler
                  Runtime: python3.12
                  Role: !GetAtt Role.Arn
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: !GetAtt Role.Arn
                  DefinitionString: !Sub '{"Comment": "\(comment)", "StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "${FnA.Arn}", "End": true}}}'
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child/template.yaml

            """
        }

        static func handler(_ tag: String) -> String { "def handler(event, context):\n    return '\(tag)'\n" }

        /// The project's files; nothing deployed.
        static func project() async throws -> Project {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-up")
            try folder.write("ferry.toml", """
                template = "template.yaml"
                [artifacts]
                bucket = "\(bucket)"
                prefix = "app"

                [env.dev]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

                [env.prod]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

                """)
            try folder.write("template.yaml", template())
            try folder.write("src/a/app.py", handler("a1"))
            try folder.write("src/b/app.py", "import shared\n" + handler("b1"))
            try folder.write("src/b/requirements.txt", "./lib/shared\n")
            try folder.write("src/c/app.py", "import shared\n" + handler("c1"))
            try folder.write("src/c/requirements.txt", "./lib/shared\n")
            try folder.write("lib/shared/pyproject.toml", """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "shared"
                version = "1.0.0"

                [tool.setuptools]
                packages = ["shared"]

                """)
            try folder.write("lib/shared/shared/__init__.py", "VERSION = 1\n")
            try folder.write("child/template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  FnD:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: d
                      Handler: app.handler
                      Runtime: python3.12

                """)
            try folder.write("child/d/app.py", handler("d1"))
            return Project(env: env, folder: folder, client: env.client())
        }

        /// The project, deployed by a first `ferry up` (CloudFormation: the stack does not exist).
        static func deployed() async throws -> Project {
            let project = try await project()
            let first = try await project.ferry(["up", "--env", "dev", "--yes", "--json"])
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(summary(first)?["path"] as? String == "cloudFormation", "\(first.output)")
            #expect(plan(first)?["decision"] as? String == "cloudFormation")
            try await project.env.clearJournal()
            return project
        }

        static func event(_ run: FerryRun, _ kind: String) -> [String: Any]? {
            run.jsonLines.last { $0["event"] as? String == kind }?["data"] as? [String: Any]
        }

        static func summary(_ run: FerryRun) -> [String: Any]? { event(run, "up.summary") }
        static func plan(_ run: FerryRun) -> [String: Any]? { event(run, "plan.result") }
        static func operations(_ run: FerryRun) -> [String] {
            (plan(run)?["operations"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? String }.sorted()
        }
        static func reasonKinds(_ run: FerryRun) -> [String] {
            (plan(run)?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        }

        /// Nothing changed → no write; one function → exactly one UpdateFunctionCode, recorded ahead
        /// of the template; a template change → CloudFormation, no hot-swap, record cleared.
        @Test func nothingThenOneFunctionThenATemplateChange() async throws {
            let project = try await Self.deployed()
            let plan = try await project.ferry(["plan", "--env", "dev", "--exit-code", "--json"])
            #expect(plan.exitCode == 0, "\(plan.output)")
            #expect(Self.plan(plan)?["decision"] as? String == "upToDate", "\(plan.output)")
            let idle = try await project.ferry(["up", "--env", "dev", "--json"])
            #expect(idle.exitCode == 0, "\(idle.output)")
            #expect(Self.summary(idle)?["path"] as? String == "nothing", "\(idle.output)")
            let phases = (Self.summary(idle)?["phases"] as? [[String: Any]] ?? []).compactMap { $0["phase"] as? String }
            #expect(phases == ["build", "package", "plan", "verify"], "\(idle.output)")
            let journal = try await project.env.journal()
            #expect(!journal.isEmpty)
            #expect(journal.filter(\.write).isEmpty, "no upload, no deploy, no history, no lock: \(journal.filter(\.write))")

            let names = try await project.functionNames()
            try project.folder.write("src/a/app.py", Self.handler("a2"))
            let build = try await project.ferry(["build", "--env", "dev"])
            #expect(build.exitCode == 0, "\(build.output)")
            let changed = try await project.ferry(["plan", "--env", "dev", "--exit-code", "--json"])
            #expect(changed.exitCode == 2, "\(changed.output)")
            #expect(Self.plan(changed)?["decision"] as? String == "hotswap", "\(changed.output)")
            #expect(Self.operations(changed) == ["Root/FnA"], "\(changed.output)")
            try await project.env.clearJournal()
            let up = try await project.ferry(["up", "--env", "dev", "--skip-build", "--json"])
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(Self.summary(up)?["path"] as? String == "hotswap", "\(up.output)")
            let updates = try await project.requests("UpdateFunctionCode")
            #expect(updates.count == 1, "\(updates)")
            #expect(updates.first?.path.contains(names["Root/FnA"] ?? "?") == true, "\(updates)")
            #expect(try await project.requests("CreateChangeSet").isEmpty, "a code change never waits for CloudFormation")

            let after = try await project.ferry(["plan", "--env", "dev", "--exit-code", "--json"])
            #expect(after.exitCode == 0, "\(after.output)")
            let ahead = (Self.plan(after)?["aheadOfTemplate"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? String }
            #expect(ahead == ["Root/FnA"], "\(after.output)")

            try project.folder.write("template.yaml", Self.template(memory: 256))
            try await project.env.clearJournal()
            let deploy = try await project.ferry(["up", "--env", "dev", "--yes", "--json"])
            #expect(deploy.exitCode == 0, "\(deploy.output)")
            #expect(Self.summary(deploy)?["path"] as? String == "cloudFormation", "\(deploy.output)")
            #expect(Self.reasonKinds(deploy) == ["propertyChanged"], "\(deploy.output)")
            #expect(try await project.requests("UpdateFunctionCode").isEmpty, "no hot-swap: \(deploy.output)")
            #expect(try await !project.requests("ExecuteChangeSet").isEmpty)
            let record = try await S3(client: project.client).headObject(
                bucket: Self.bucket, key: "app/.ferry/hotswaps/\(Self.stackName)/latest.json")
            #expect(record == nil, "the deploy reconciled the hot-swap record")
            let clean = try await project.ferry(["plan", "--env", "dev", "--exit-code", "--json"])
            #expect(clean.exitCode == 0, "\(clean.output)")
            #expect((Self.plan(clean)?["aheadOfTemplate"] as? [Any])?.isEmpty == true, "\(clean.output)")
        }

        /// A shared library → exactly its dependents; a nested function → through its stack; a
        /// Step Functions definition → hot-swapped.
        @Test func sharedLibraryNestedFunctionAndDefinitionAreHotswapped() async throws {
            let project = try await Self.deployed()
            let names = try await project.functionNames()
            try project.folder.write("lib/shared/shared/__init__.py", "VERSION = 2\n")
            let shared = try await project.ferry(["up", "--env", "dev", "--json"])
            #expect(shared.exitCode == 0, "\(shared.output)")
            #expect(Self.operations(shared) == ["Root/FnB", "Root/FnC"], "\(shared.output)")
            let updated = try await project.requests("UpdateFunctionCode").map(\.path)
            let expected = ["Root/FnB", "Root/FnC"].compactMap { names[$0] }
            #expect(updated.count == 2, "\(updated)")
            #expect(updated.allSatisfy { path in expected.contains { path.contains("/\($0)/") } }, "\(updated)")

            try await project.env.clearJournal()
            try project.folder.write("child/d/app.py", Self.handler("d2"))
            let nested = try await project.ferry(["up", "--env", "dev", "--json"])
            #expect(nested.exitCode == 0, "\(nested.output)")
            #expect(Self.summary(nested)?["path"] as? String == "hotswap", "TemplateURL changed only because FnD's code did: \(nested.output)")
            #expect(Self.operations(nested) == ["Root/Child/FnD"], "\(nested.output)")
            #expect(try await project.requests("UpdateFunctionCode").count == 1)

            try await project.env.clearJournal()
            try project.folder.write("template.yaml", Self.template(comment: "v2"))
            let flow = try await project.ferry(["up", "--env", "dev", "--json"])
            #expect(flow.exitCode == 0, "\(flow.output)")
            #expect(Self.summary(flow)?["path"] as? String == "hotswap", "\(flow.output)")
            #expect(Self.operations(flow) == ["Root/Flow"], "\(flow.output)")
            #expect(try await project.requests("UpdateStateMachine").count == 1)
            #expect(try await project.requests("CreateChangeSet").isEmpty)
        }

        /// Changed behind Ferry's back → verify names it, up repairs it; prod → CloudFormation,
        /// `ferry update` refuses.
        @Test func aFunctionChangedBehindFerrysBackAndProduction() async throws {
            let project = try await Self.deployed()
            let name = try #require(try await project.functionNames()["Root/FnB"])
            let other = project.folder.url.appendingPathComponent("other.zip")
            try Integration.Hotswap.makeZip(at: other, source: Self.handler("changed by another tool"))
            let lambda = Lambda(client: project.client)
            try await Integration.Hotswap.waitFor("function \(name)") {
                try await lambda.getFunctionConfiguration(name).state == "Active"
            }
            _ = try await lambda.updateFunctionCode(name, code: .zipFile(try Data(contentsOf: other)))
            try await Integration.Hotswap.waitFor("the other tool's update") {
                try await lambda.getFunctionConfiguration(name).lastUpdateStatus != "InProgress"
            }
            let verify = try await project.ferry(["verify", "--env", "dev"])
            #expect(verify.exitCode == 1, "\(verify.output)")
            #expect(verify.output.contains("Root/FnB"), "\(verify.output)")
            let repair = try await project.ferry(["up", "--env", "dev", "--json"])
            #expect(repair.exitCode == 0, "\(repair.output)")
            #expect(Self.operations(repair) == ["Root/FnB"], "\(repair.output)")
            let again = try await project.ferry(["verify", "--env", "dev"])
            #expect(again.exitCode == 0, "\(again.output)")

            try project.folder.write("src/a/app.py", Self.handler("a2"))
            let build = try await project.ferry(["build", "--env", "prod"])
            #expect(build.exitCode == 0, "\(build.output)")
            let update = try await project.ferry(["update", "--env", "prod"])
            #expect(update.exitCode == 1, "\(update.output)")
            #expect(update.stderr.contains("not allowed in environment 'prod'"), "\(update.output)")
            try await project.env.clearJournal()
            let up = try await project.ferry(["up", "--env", "prod", "--approve", "--skip-build", "--json"])
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(Self.summary(up)?["path"] as? String == "cloudFormation", "\(up.output)")
            #expect(Self.reasonKinds(up) == ["hotswapNotAllowed"], "\(up.output)")
            #expect(try await project.requests("UpdateFunctionCode").isEmpty, "\(up.output)")
            #expect(try await !project.requests("ExecuteChangeSet").isEmpty)
            let fresh = try await project.ferry(["verify", "--env", "prod"])
            #expect(fresh.exitCode == 0, "CloudFormation deployed the new code: \(fresh.output)")
        }

        /// A layer's content (its packaged ContentUri key) is decided by the content: a layer Ferry
        /// builds is hot-swapped (a new version published, no change set) where hot-swap is allowed,
        /// and deployed through CloudFormation where it is not.
        @Test func aLayerContentChangeIsHotswappedInDevAndDeployedInProd() async throws {
            let project = try await Self.project()
            try project.folder.write("template.yaml", Self.template(layer: true))
            try project.folder.write("layer/python/extra.py", "X = 1\n")
            let first = try await project.ferry(["up", "--env", "dev", "--yes", "--json"])
            #expect(first.exitCode == 0, "\(first.output)")
            try project.folder.write("layer/python/extra.py", "X = 2\n")
            let build = try await project.ferry(["build", "--env", "dev"])
            #expect(build.exitCode == 0, "\(build.output)")
            let plan = try await project.ferry(["plan", "--env", "dev", "--exit-code", "--json"])
            #expect(plan.exitCode == 2, "\(plan.output)")
            #expect(Self.reasonKinds(plan).isEmpty, "\(plan.output)")
            #expect(Self.operations(plan) == ["Root/Extra"], "\(plan.output)")
            let prod = try await project.ferry(["plan", "--env", "prod", "--json"])
            #expect(Self.reasonKinds(prod).contains("hotswapNotAllowed") || Self.reasonKinds(prod).contains("stackMissing"),
                    "\(prod.output)")
            try await project.env.clearJournal()
            let update = try await project.ferry(["update", "--env", "dev"])
            #expect(update.exitCode == 0, "\(update.output)")
            #expect(try await !project.requests("PublishLayerVersion").isEmpty, "\(update.output)")
            #expect(try await project.requests("CreateChangeSet").isEmpty, "\(update.output)")
            #expect(try await project.requests("UpdateFunctionCode").isEmpty)
            let after = try await project.ferry(["plan", "--env", "dev", "--exit-code"])
            #expect(after.exitCode == 0, "\(after.output)")
        }

        @Test func aMissingStackIsPlannedAsCloudFormationAndADryRunWritesNothing() async throws {
            let project = try await Self.project()
            let build = try await project.ferry(["build", "--env", "dev"])
            #expect(build.exitCode == 0, "\(build.output)")
            let plan = try await project.ferry(["plan", "--env", "dev", "--exit-code", "--json"])
            #expect(plan.exitCode == 2, "\(plan.output)")
            #expect(Self.reasonKinds(plan) == ["stackMissing"], "\(plan.output)")
            #expect(try await project.env.journal().filter(\.write).isEmpty, "plan writes nothing")
            let dry = try await project.ferry(["up", "--env", "dev", "--dry-run", "--skip-build", "--json"])
            #expect(dry.exitCode == 0, "\(dry.output)")
            #expect(Self.summary(dry)?["path"] as? String == "dryRun", "\(dry.output)")
            #expect(try await project.env.journal().filter(\.write).isEmpty, "a dry run writes nothing")
        }
    }
}
