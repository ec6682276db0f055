import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// A SAM project as SAM users have it (`Tests/Fixtures/sam-app`: samconfig.toml with
    /// `resolve_s3 = true` and `confirm_changeset = true`, TypeScript with esbuild, a Node.js
    /// `file:` dependency, `SkipBuild`, Python with a console script), brought up by the real
    /// binary with no ferry.toml, changed and hot-swapped, and verified.
    @Suite struct SamApp {
        static let account = "123456789012"
        static let managedBucket = "ferry-artifacts-123456789012-eu-central-1"

        struct Project {
            let env: EmulatorEnvironment
            let folder: TemporaryFolder
            let client: AWSClient

            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            func requests(_ operation: String) async throws -> [JournaledRequest] {
                try await env.journal().filter { $0.operation == operation }
            }

            /// The zip of `logicalID` in the build manifest, listed by Python's zipfile.
            func zipEntries(_ logicalID: String) throws -> [String] {
                let data = try Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/manifest.json"))
                let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                let artifacts = manifest?["artifacts"] as? [[String: Any]] ?? []
                let entry = try #require(artifacts.first { $0["logicalID"] as? String == logicalID }, "\(artifacts)")
                var zip = try #require(entry["zipPath"] as? String)
                if !zip.hasPrefix("/") { zip = folder.url.appendingPathComponent(zip).path }
                return try SamApp.listZip(zip)
            }
        }

        /// A fresh copy of the fixture app.
        static func project() async throws -> Project {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("sam-app")
            let fixture = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/sam-app")
            for name in try FileManager.default.contentsOfDirectory(atPath: fixture.path) {
                try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
            }
            return Project(env: env, folder: folder, client: env.client())
        }

        static func listZip(_ path: String) throws -> [String] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sys, zipfile\nfor n in zipfile.ZipFile(sys.argv[1]).namelist(): print(n)", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
        }

        static func event(_ run: FerryRun, _ kind: String) -> [String: Any]? {
            run.jsonLines.last { $0["event"] as? String == kind }?["data"] as? [String: Any]
        }

        static func path(_ run: FerryRun) -> String? { event(run, "up.summary")?["path"] as? String }

        static func operations(_ run: FerryRun) -> [String] {
            (event(run, "plan.result")?["operations"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? String }.sorted()
        }

        /// `ferry up --yes` on the unchanged SAM project: the managed bucket is created, the stack
        /// deployed with samconfig's parameters, every builder's zip as SAM makes it; then a
        /// TypeScript change and a change of a `file:` dependency are hot-swapped and verified.
        @Test func upFromSamconfigThenHotswapsAndVerifies() async throws {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/esbuild")
                || ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                    .contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/esbuild") }) == true else {
                Issue.record("esbuild is not installed (scripts/lib/prerequisites.sh installs it)")
                return
            }
            let project = try await Self.project()
            let s3 = S3(client: project.client)
            #expect(try await s3.headBucket(Self.managedBucket) == .notFound)

            let up = try await project.ferry(["up", "--yes", "--json"])
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(Self.path(up) == "cloudFormation", "\(up.output)")
            // samconfig keys Ferry does not honour are reported, each with its reason and line.
            let ignored = up.jsonLines.filter { $0["event"] as? String == "configuration.warning" }
                .compactMap { $0["data"] as? [String: Any] }
            // image_repositories is honoured since image functions are built (docs/building.md#images).
            #expect(!ignored.contains { $0["key"] as? String == "default.deploy.parameters.image_repositories" }, "\(ignored)")
            #expect(!ignored.contains { $0["key"] as? String == "default.deploy.parameters.disable_rollback" }, "false is what Ferry does")
            // resolve_s3: the managed bucket, created with --create-bucket's hardening, under s3_prefix.
            guard case .exists = try await s3.headBucket(Self.managedBucket) else {
                Issue.record("the managed bucket was not created: \(up.output)")
                return
            }
            let keys = try await s3.listObjectsV2(bucket: Self.managedBucket).map(\.key)
            #expect(!keys.isEmpty && keys.allSatisfy { $0.hasPrefix("sam-app/") }, "\(keys)")
            // Hardened like --create-bucket: versioning, encryption and the public access block are
            // bucket-level PUTs after the CreateBucket itself.
            #expect(Self.event(up, "bucket.created")?["bucket"] as? String == Self.managedBucket, "\(up.output)")
            #expect(try await project.requests("CreateBucket").count >= 4)
            // samconfig's stack name and parameter_overrides.
            let stack = try await CloudFormation(client: project.client).describeStack("sam-app")
            let greeting = stack?.parameters.member.first { $0.parameterKey == "Greeting" }?.parameterValue
            #expect(greeting == "hello from samconfig")

            // The zips, as SAM makes them.
            #expect(try project.zipEntries("HelloWorldFunction") == ["app.js", "app.js.map"])
            let greeter = try project.zipEntries("GreeterFunction")
            #expect(greeter.contains("node_modules/greeting/index.js"), "\(greeter)")
            #expect(!greeter.contains("node_modules/.package-lock.json"), "\(greeter)")
            #expect(try project.zipEntries("PrebundledFunction")
                == ["index.js", "node_modules/tiny/index.js", "package.json"])
            let python = try project.zipEntries("PyFunction")
            #expect(python.contains("tool/__init__.py"), "\(python)")
            #expect(python.contains("app.py"))
            #expect(!python.contains { $0.hasPrefix("bin/") || $0.hasSuffix("/INSTALLER") || $0.hasSuffix("/REQUESTED") },
                    "\(python)")

            let verify = try await project.ferry(["verify"])
            #expect(verify.exitCode == 0, "\(verify.output)")

            // A TypeScript change: one esbuild function hot-swapped.
            try project.folder.write("hello-world/lib/greeting.ts",
                                     "export const greet = (greeting: string, name: string): string => `${greeting}, ${name}! (v2)`;\n")
            try await project.env.clearJournal()
            let ts = try await project.ferry(["up", "--yes", "--json"])
            #expect(ts.exitCode == 0, "\(ts.output)")
            #expect(Self.path(ts) == "hotswap", "\(ts.output)")
            #expect(Self.operations(ts) == ["Root/HelloWorldFunction"], "\(ts.output)")
            #expect(try await project.requests("CreateChangeSet").isEmpty)

            // The file: dependency, outside the function's folder, is part of its build.
            try project.folder.write("shared/greeting/index.js", "module.exports = (name) => `hello ${name} (shared v2)`;\n")
            let shared = try await project.ferry(["up", "--yes", "--json"])
            #expect(shared.exitCode == 0, "\(shared.output)")
            #expect(Self.operations(shared) == ["Root/GreeterFunction"], "\(shared.output)")

            let after = try await project.ferry(["verify"])
            #expect(after.exitCode == 0, "\(after.output)")
            let idle = try await project.ferry(["up", "--yes", "--json"])
            #expect(Self.path(idle) == "nothing", "\(idle.output)")
        }

        /// When SAM CLI's managed stack exists, its bucket is used and no bucket of Ferry's is made.
        @Test func samsManagedBucketIsReused() async throws {
            let project = try await Self.project()
            // SAM's managed stack, deployed here by ferry itself.
            let bootstrap = try TemporaryFolder("sam-managed-stack")
            try bootstrap.write("ferry.toml", """
                [artifacts]
                bucket = "bootstrap-artifacts"
                [env.dev]
                stack_name = "aws-sam-cli-managed-default"
                region = "eu-central-1"
                """)
            try bootstrap.write("template.yaml", """
                Resources:
                  SamCliSourceBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: aws-sam-cli-managed-default-samclisourcebucket-1a2b3c
                Outputs:
                  SourceBucket:
                    Value: !Ref SamCliSourceBucket
                """)
            let managed = try await FerryRun.run(["up", "--yes"], in: bootstrap.url, environment: project.env.variables)
            #expect(managed.exitCode == 0, "\(managed.output)")

            // Only the Python and prebundled functions: no esbuild needed for this test.
            try project.folder.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  PrebundledFunction:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: prebundled/, Handler: index.handler, Runtime: nodejs20.x}
                    Metadata: {SkipBuild: true}
                """)
            let up = try await project.ferry(["up", "--yes", "--json"])
            #expect(up.exitCode == 0, "\(up.output)")
            let s3 = S3(client: project.client)
            let keys = try await s3.listObjectsV2(bucket: "aws-sam-cli-managed-default-samclisourcebucket-1a2b3c").map(\.key)
            #expect(keys.contains { $0.hasPrefix("sam-app/") }, "\(keys)")
            #expect(try await s3.headBucket(Self.managedBucket) == .notFound, "SAM's bucket is reused, none of Ferry's made")
        }

        /// samconfig.yaml (SAM reads it too) works like samconfig.toml: resolve_s3, s3_prefix, parameters.
        @Test func samconfigYamlWorks() async throws {
            let project = try await Self.project()
            try FileManager.default.removeItem(at: project.folder.url.appendingPathComponent("samconfig.toml"))
            try project.folder.write("samconfig.yaml", """
                version: 0.1
                default:
                  global:
                    parameters:
                      stack_name: sam-app-yaml
                  deploy:
                    parameters:
                      capabilities: CAPABILITY_IAM
                      confirm_changeset: true
                      resolve_s3: true
                      s3_prefix: sam-app-yaml
                      region: eu-central-1
                      parameter_overrides: Greeting="hello from yaml"
                """)
            try project.folder.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Greeting: {Type: String, Default: hello}
                Resources:
                  PrebundledFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: prebundled/
                      Handler: index.handler
                      Runtime: nodejs20.x
                      Environment: {Variables: {GREETING: !Ref Greeting}}
                    Metadata: {SkipBuild: true}
                """)
            let up = try await project.ferry(["up", "--yes", "--json"])
            #expect(up.exitCode == 0, "\(up.output)")
            let keys = try await S3(client: project.client).listObjectsV2(bucket: Self.managedBucket).map(\.key)
            #expect(!keys.isEmpty && keys.allSatisfy { $0.hasPrefix("sam-app-yaml/") }, "\(keys)")
            let stack = try await CloudFormation(client: project.client).describeStack("sam-app-yaml")
            #expect(stack?.parameters.member.first { $0.parameterKey == "Greeting" }?.parameterValue == "hello from yaml")
            try project.folder.write("prebundled/index.js", "exports.handler = async () => ({ statusCode: 200, body: 'v2' });\n")
            let swap = try await project.ferry(["up", "--yes", "--json"])
            #expect(Self.path(swap) == "hotswap", "\(swap.output)")
            #expect(try await project.ferry(["verify"]).exitCode == 0)
        }

        /// `ferry init` on the SAM project writes a ferry.toml on which `ferry up --yes` works at once.
        @Test func initThenUpWorks() async throws {
            let project = try await Self.project()
            try project.folder.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Greeting: {Type: String, Default: hello}
                Resources:
                  PrebundledFunction:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: prebundled/, Handler: index.handler, Runtime: nodejs20.x}
                    Metadata: {SkipBuild: true}
                """)
            let initRun = try await project.ferry(["init"])
            #expect(initRun.exitCode == 0, "\(initRun.output)")
            let text = try String(contentsOf: project.folder.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
            #expect(text.contains("resolve_s3 = true"), "\(text)")
            let up = try await project.ferry(["up", "--yes", "--json"])
            #expect(up.exitCode == 0, "\(up.output)\n\(text)")
            #expect(Self.path(up) == "cloudFormation", "\(up.output)")
            let doctor = try await project.ferry(["doctor", "--json"])
            let bucket = doctor.jsonLines.first { ($0["data"] as? [String: Any])?["id"] as? String == "artifact-bucket" }?["data"] as? [String: Any]
            #expect(bucket?["status"] as? String == "ok", "\(doctor.output)")
        }

        /// An environment that requires approval asks before a hot-swap as before a deploy:
        /// without a terminal and without --approve, `ferry up` stops before changing anything.
        @Test func requiredApprovalAlsoGuardsHotswaps() async throws {
            let project = try await Self.project()
            try project.folder.write("ferry.toml", """
                [artifacts]
                bucket = "approval-artifacts"
                [env.staging]
                stack_name = "sam-app-staging"
                region = "eu-central-1"
                hotswap = true
                approval = "required"
                """)
            try project.folder.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  PrebundledFunction:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: prebundled/, Handler: index.handler, Runtime: nodejs20.x}
                    Metadata: {SkipBuild: true}
                """)
            #expect(try await project.ferry(["build"]).exitCode == 0)
            let bucket = try await project.ferry(["package", "--create-bucket"])
            #expect(bucket.exitCode == 0, "\(bucket.output)")
            let first = try await project.ferry(["up", "--approve", "--json"])
            #expect(first.exitCode == 0, "\(first.output)")
            try project.folder.write("prebundled/index.js", "exports.handler = async () => ({ statusCode: 200, body: 'v2' });\n")
            try await project.env.clearJournal()
            let refused = try await project.ferry(["up", "--yes"])
            #expect(refused.exitCode != 0, "\(refused.output)")
            #expect(refused.output.contains("requires approval"), "\(refused.output)")
            #expect(refused.output.contains("--approve"), "\(refused.output)")
            #expect(try await project.requests("UpdateFunctionCode").isEmpty, "nothing hot-swapped")
            let approved = try await project.ferry(["up", "--approve", "--json"])
            #expect(approved.exitCode == 0, "\(approved.output)")
            #expect(Self.path(approved) == "hotswap", "\(approved.output)")
            #expect(try await project.requests("UpdateFunctionCode").count == 1)
        }

        /// An image function whose Dockerfile is missing fails `ferry build` naming it, before anything runs.
        @Test func imageFunctionWithoutItsDockerfileFailsAtBuild() async throws {
            let project = try await Self.project()
            try project.folder.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  PrebundledFunction:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: prebundled/, Handler: index.handler, Runtime: nodejs20.x}
                    Metadata: {SkipBuild: true}
                  ImageFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                    Metadata:
                      Dockerfile: Dockerfile
                      DockerContext: ./image
                """)
            let build = try await project.ferry(["build"])
            #expect(build.exitCode == 64, "\(build.output)")
            #expect(build.output.contains("ImageFunction"), "\(build.output)")
            #expect(build.output.contains("Dockerfile") && build.output.contains("does not exist"), "\(build.output)")
            #expect(!build.output.contains("built 1"), "nothing is built first: \(build.output)")
        }

        /// Without esbuild anywhere, `ferry build` exits 69 (a missing tool) and says how to install it;
        /// `ferry doctor` says the same.
        @Test func missingEsbuildExits69() async throws {
            let project = try await Self.project()
            let bin = try TemporaryFolder("no-esbuild-bin")
            for tool in ["node", "npm"] {
                let found = ["/usr/local/bin", "/usr/bin", "/bin"].map { "\($0)/\(tool)" }
                    .first { FileManager.default.isExecutableFile(atPath: $0) }
                guard let found else { return }  // no Node.js on this machine: nothing to check
                try FileManager.default.createSymbolicLink(atPath: bin.url.appendingPathComponent(tool).path, withDestinationPath: found)
            }
            var variables = project.env.variables
            variables["PATH"] = bin.url.path
            let build = try await FerryRun.run(["build", "HelloWorldFunction"], in: project.folder.url, environment: variables)
            #expect(build.exitCode == 69, "\(build.output)")
            #expect(build.output.contains("apt-get install esbuild"), "\(build.output)")
            let doctor = try await FerryRun.run(["doctor", "--json"], in: project.folder.url, environment: variables)
            let check = doctor.jsonLines.first { ($0["data"] as? [String: Any])?["id"] as? String == "tool.esbuild" }?["data"] as? [String: Any]
            #expect(check?["status"] as? String == "failed", "\(doctor.output)")
            #expect((check?["fix"] as? String)?.contains("apt-get install esbuild") == true, "\(doctor.output)")
        }

        /// `ferry doctor` says why a configured bucket name is invalid.
        @Test func doctorExplainsAnInvalidBucketName() async throws {
            let project = try await Self.project()
            try project.folder.write("ferry.toml", """
                [artifacts]
                bucket = "My_Artifacts"
                [env.dev]
                stack_name = "sam-app"
                region = "eu-central-1"
                """)
            let doctor = try await project.ferry(["doctor", "--json"])
            #expect(doctor.exitCode == 1, "\(doctor.output)")
            let bucket = doctor.jsonLines.first { ($0["data"] as? [String: Any])?["id"] as? String == "artifact-bucket" }?["data"] as? [String: Any]
            #expect(bucket?["status"] as? String == "failed", "\(doctor.output)")
            #expect((bucket?["detail"] as? String)?.contains("uppercase") == true, "\(doctor.output)")
            let esbuild = doctor.jsonLines.first { ($0["data"] as? [String: Any])?["id"] as? String == "tool.esbuild" }
            #expect(esbuild != nil, "the esbuild function's tool is checked: \(doctor.output)")
        }
    }
}
