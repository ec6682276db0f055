import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// Templates as authors write them, on a trimmed copy of the GenAI IDP Accelerator's layout
    /// (`Tests/Fixtures/idp-layout`): nested stacks named by `.aws-sam/packaged.yaml`, chosen by
    /// conditions on a parameter, a shared library installed with extras by a path relative to
    /// the pattern's template, and a state machine whose substitutions use `!If`.
    @Suite struct TemplatesAsWritten {
        static let bucket = "ferry-idp-artifacts"
        static let stackName = "idp-layout"
        static let machine = "Root/PATTERN2STACK/DocumentProcessingStateMachine"

        /// A copy of the fixture with a samconfig.toml giving what the app's own scripts pass.
        static func project(_ env: EmulatorEnvironment) throws -> TemporaryFolder {
            let folder = try TemporaryFolder("ferry-idp")
            let source = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/idp-layout")
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
            }
            try folder.write("samconfig.toml", """
                version = 0.1
                [default.deploy.parameters]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                s3_bucket = "\(bucket)"
                s3_prefix = "idp"
                capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND"
                parameter_overrides = "AdminEmail=\\"admin@example.com\\" IDPPattern=\\"Pattern2 - Packet processing with Textract and Bedrock\\""

                """)
            return folder
        }

        static func ferry(_ arguments: [String], _ folder: TemporaryFolder, _ env: EmulatorEnvironment) async throws -> FerryRun {
            try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
        }

        static func plan(_ run: FerryRun) -> [String: Any]? {
            run.jsonLines.last { $0["event"] as? String == "plan.result" }?["data"] as? [String: Any]
        }

        static func operations(_ run: FerryRun) -> [String] {
            (plan(run)?["operations"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? String }.sorted()
        }

        /// `ferry build` builds Pattern 2 (read from `patterns/pattern-2/template.yaml`, said once as
        /// a note, with `../../lib/idp_common_pkg[ocr]`) and not Pattern 1, whose condition is false
        /// (its runtime could not be built). A missing path only packaging uploads does not stop the
        /// build; `ferry package` names it.
        @Test func buildsTheSelectedPatternOnly() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try Self.project(env)
            let template = folder.url.appendingPathComponent("template.yaml")
            let text = try String(contentsOf: template, encoding: .utf8)
            try text.replacingOccurrences(of: "\nOutputs:", with: """

                  DocsApi:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      BodyS3Location: api/openapi.yaml

                Outputs:
                """).write(to: template, atomically: true, encoding: .utf8)
            let doctor = try await Self.ferry(["doctor"], folder, env)
            #expect(doctor.stdout.contains("Template") && doctor.stdout.contains("api/openapi.yaml"), "\(doctor.output)")

            let build = try await Self.ferry(["build"], folder, env)
            #expect(build.exitCode == 0, "\(build.output)")
            let notes = build.stdout.components(separatedBy: "\n").filter { $0.contains("a SAM build output that does not exist") }
            #expect(notes.count == 1, "\(build.output)")
            #expect(notes.first?.contains("patterns/pattern-2/template.yaml") == true, "\(build.output)")
            let manifest = try String(contentsOf: folder.url.appendingPathComponent(".ferry/build/manifest.json"), encoding: .utf8)
            #expect(manifest.contains("Root/PATTERN2STACK"), "\(manifest)")
            #expect(!manifest.contains("PATTERN1STACK"), "a stack whose condition is false is not built")
            let ocr = try #require(try Self.zipListing(manifest: manifest, logicalID: "OCRFunction"))
            #expect(ocr.contains("idp_common/__init__.py"), "the shared library, installed with its extras: \(ocr)")

            let package = try await Self.ferry(["package", "--create-bucket"], folder, env)
            #expect(package.exitCode == 64, "\(package.output)")
            #expect(package.stderr.contains("BodyS3Location") && package.stderr.contains("api/openapi.yaml"), "\(package.output)")
        }

        /// `ferry up` deploys; `ferry plan` then says up to date although the state machine's
        /// substitutions use `!If`; an edited definition is hot-swapped alone.
        @Test func conditionsInSubstitutionsLetPlanSayUpToDateAndAnEditHotswaps() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try Self.project(env)
            let up = try await Self.ferry(["up", "--yes", "--json"], folder, env)
            #expect(up.exitCode == 0, "\(up.output)")

            let plan = try await Self.ferry(["plan", "--exit-code", "--json"], folder, env)
            #expect(plan.exitCode == 0, "\(plan.output)")
            #expect(Self.plan(plan)?["decision"] as? String == "upToDate", "\(plan.output)")

            let definition = folder.url.appendingPathComponent("patterns/pattern-2/statemachine/workflow.asl.json")
            let text = try String(contentsOf: definition, encoding: .utf8)
            try text.replacingOccurrences(of: "\"Comment\": \"v1\"", with: "\"Comment\": \"v2\"")
                .write(to: definition, atomically: true, encoding: .utf8)
            let changed = try await Self.ferry(["plan", "--exit-code", "--json"], folder, env)
            #expect(changed.exitCode == 2, "\(changed.output)")
            #expect(Self.plan(changed)?["decision"] as? String == "hotswap", "\(changed.output)")
            #expect(Self.operations(changed) == [Self.machine], "\(changed.output)")

            try await env.clearJournal()
            let swap = try await Self.ferry(["up", "--json"], folder, env)
            #expect(swap.exitCode == 0, "\(swap.output)")
            let updates = try await env.journal().filter { $0.operation == "UpdateStateMachine" }
            #expect(updates.count == 1, "\(updates)")
            #expect(try await env.journal().filter { $0.operation == "CreateChangeSet" }.isEmpty, "\(swap.output)")
            let live = try await Self.liveDefinition(env)
            #expect(live.contains("\"v2\""), "\(live)")
            #expect(live.contains("{% true = true %}"), "the !If substitutions, evaluated: \(live)")

            let after = try await Self.ferry(["plan", "--exit-code", "--json"], folder, env)
            #expect(after.exitCode == 0, "\(after.output)")
        }

        /// The deployed definition of the pattern's state machine.
        static func liveDefinition(_ env: EmulatorEnvironment) async throws -> String {
            let client = env.client()
            let cloudFormation = CloudFormation(client: client)
            let root = try await cloudFormation.listStackResources(stackName)
            let child = try #require(root.first { $0.logicalResourceId == "PATTERN2STACK" }?.physicalResourceId)
            let resources = try await cloudFormation.listStackResources(child)
            let arn = try #require(resources.first { $0.logicalResourceId == "DocumentProcessingStateMachine" }?.physicalResourceId)
            return try await StepFunctions(client: client).describeStateMachine(arn).definition
        }

        /// The file names in the built zip of `logicalID`, from the manifest.
        static func zipListing(manifest: String, logicalID: String) throws -> String? {
            let object = try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any]
            let artifacts = object?["artifacts"] as? [[String: Any]] ?? []
            guard let zip = artifacts.first(where: { $0["logicalID"] as? String == logicalID })?["zipPath"] as? String else { return nil }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", zip]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
