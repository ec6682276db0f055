import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// `--stack`: a root function and a nested stack `Child` with two functions; only the selected
    /// stack is built, hot-swapped and verified.
    @Suite struct StackSelection {
        static let bucket = "ferry-stack-artifacts"
        static let stackName = "stack-app"

        static let rootTemplate = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              RootFn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/root
                  Handler: app.handler
                  Runtime: python3.12
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child/template.yaml

            """

        static let childTemplate = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              ChildOne:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: one
                  Handler: app.handler
                  Runtime: python3.12
              ChildTwo:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: two
                  Handler: app.handler
                  Runtime: python3.12

            """

        /// The project, deployed by a first `ferry up --yes`.
        static func deployed() async throws -> Up.Project {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-stack")
            try folder.write("ferry.toml", """
                template = "template.yaml"
                [artifacts]
                bucket = "\(bucket)"
                prefix = "app"

                [env.dev]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

                """)
            try folder.write("template.yaml", rootTemplate)
            try folder.write("src/root/app.py", Up.handler("root1"))
            try folder.write("child/template.yaml", childTemplate)
            try folder.write("child/one/app.py", Up.handler("one1"))
            try folder.write("child/two/app.py", Up.handler("two1"))
            let project = Up.Project(env: env, folder: folder, client: env.client())
            let first = try await project.ferry(["up", "--env", "dev", "--yes", "--json"])
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(Up.summary(first)?["path"] as? String == "cloudFormation", "\(first.output)")
            try await env.clearJournal()
            return project
        }

        /// Function names per qualified name (`Root/RootFn`, `Root/Child/ChildOne`).
        static func functionNames(_ project: Up.Project) async throws -> [String: String] {
            let cloudFormation = CloudFormation(client: project.client)
            var names: [String: String] = [:]
            for resource in try await cloudFormation.listStackResources(stackName) {
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

        /// The `codeSha256` of each manifest entry, by qualified name.
        static func manifestHashes(_ project: Up.Project) throws -> [String: String] {
            let data = try Data(contentsOf: project.folder.url.appendingPathComponent(".ferry/build/manifest.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var hashes: [String: String] = [:]
            for artifact in json["artifacts"] as? [[String: Any]] ?? [] {
                guard let stack = artifact["stackPath"] as? String, let id = artifact["logicalID"] as? String else { continue }
                hashes["\(stack)/\(id)"] = artifact["codeSha256"] as? String
            }
            return hashes
        }

        /// Root and Child functions changed: `build --stack Child` keeps the root's last build;
        /// `up --stack Child` hot-swaps only the Child function; `verify` still finds the root stale.
        @Test func upWithStackHotswapsOnlyTheSelectedStack() async throws {
            let project = try await Self.deployed()
            let names = try await Self.functionNames(project)
            let deployedHashes = try Self.manifestHashes(project)
            #expect(deployedHashes.keys.sorted() == ["Root/Child/ChildOne", "Root/Child/ChildTwo", "Root/RootFn"])

            try project.folder.write("src/root/app.py", Up.handler("root2"))
            try project.folder.write("child/one/app.py", Up.handler("one2"))
            let partial = try await project.ferry(["build", "--env", "dev", "--stack", "Child"])
            #expect(partial.exitCode == 0, "\(partial.output)")
            let partialHashes = try Self.manifestHashes(project)
            #expect(partialHashes.keys.sorted() == deployedHashes.keys.sorted(), "no entry of an unselected stack is dropped")
            #expect(partialHashes["Root/RootFn"] == deployedHashes["Root/RootFn"], "the root function is not rebuilt")
            #expect(partialHashes["Root/Child/ChildOne"] != deployedHashes["Root/Child/ChildOne"])
            #expect(partialHashes["Root/Child/ChildTwo"] == deployedHashes["Root/Child/ChildTwo"])

            let build = try await project.ferry(["build", "--env", "dev"])
            #expect(build.exitCode == 0, "\(build.output)")
            let plan = try await project.ferry(["plan", "--env", "dev", "--stack", "Root/Child", "--json"])
            #expect(plan.exitCode == 0, "\(plan.output)")
            #expect(Up.plan(plan)?["decision"] as? String == "hotswap", "\(plan.output)")
            #expect(Up.operations(plan) == ["Root/Child/ChildOne"], "\(plan.output)")
            #expect(Up.plan(plan)?["selection"] as? [String] == ["Root/Child"], "\(plan.output)")

            try await project.env.clearJournal()
            let up = try await project.ferry(["up", "--env", "dev", "--stack", "Child", "--yes", "--json"])
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(Up.summary(up)?["path"] as? String == "hotswap", "\(up.output)")
            #expect(Up.summary(up)?["selection"] as? [String] == ["Root/Child"], "\(up.output)")
            let updates = try await project.requests("UpdateFunctionCode")
            #expect(updates.count == 1, "\(updates)")
            let one = try #require(names["Root/Child/ChildOne"])
            #expect(updates.first?.path.contains(one) == true, "\(updates)")
            #expect(try await project.requests("CreateChangeSet").isEmpty, "a code change never waits for CloudFormation")

            let verify = try await project.ferry(["verify", "--env", "dev"])
            #expect(verify.exitCode == 1, "the root function still runs its old code: \(verify.output)")
            #expect(verify.output.contains("Root/RootFn"), "\(verify.output)")
            let verifyChild = try await project.ferry(["verify", "--env", "dev", "--stack", "Child"])
            #expect(verifyChild.exitCode == 0, "\(verifyChild.output)")
            #expect(!verifyChild.output.contains("Root/RootFn"), "\(verifyChild.output)")
        }

        /// A near miss is refused with a suggestion and no AWS write.
        @Test func anUnknownStackIsRefusedWithASuggestion() async throws {
            let project = try await Self.deployed()
            let run = try await project.ferry(["up", "--env", "dev", "--stack", "Chlid", "--skip-build"])
            #expect(run.exitCode == 64, "\(run.output)")
            #expect(run.stderr.contains("Did you mean Child?"), "\(run.output)")
            #expect(try await project.env.journal().filter(\.write).isEmpty)
            let empty = try await project.ferry(["verify", "--env", "dev", "--stack", ""])
            #expect(empty.exitCode == 64, "\(empty.output)")
        }
    }
}
