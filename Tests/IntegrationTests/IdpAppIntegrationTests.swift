import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// The seed app (`Tests/Fixtures/idp-app`: the GenAI IDP Accelerator's root template, Pattern 2,
    /// its options, Lambda sources and `lib/idp_common_pkg`, see its NOTICE.md) with only a
    /// samconfig.toml added: `ferry up --yes` deploys it from nothing, a handler edit hot-swaps that
    /// function alone and an edit of the shared package hot-swaps exactly its dependents.
    @Suite(.tags(.slow)) struct IdpApp {
        static let samconfig = """
            version = 0.1

            [default.deploy.parameters]
            stack_name = "idp"
            resolve_s3 = true
            capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND CAPABILITY_NAMED_IAM"
            parameter_overrides = "AdminEmail=\\"admin@example.com\\" IDPPattern=\\"Pattern2 - Packet processing with Textract and Bedrock\\""

            """

        /// Every function whose requirements name `lib/idp_common_pkg` (root and Pattern 2).
        static let libraryDependents = [
            "Root/CopyToBaselineResolverFunction", "Root/EvaluationFunction", "Root/QueueProcessor", "Root/QueueSender",
            "Root/SaveReportingDataFunction", "Root/WorkflowTracker",
            "Root/PATTERN2STACK/AssessmentFunction", "Root/PATTERN2STACK/ClassificationFunction",
            "Root/PATTERN2STACK/ExtractionFunction", "Root/PATTERN2STACK/OCRFunction",
            "Root/PATTERN2STACK/ProcessResultsFunction", "Root/PATTERN2STACK/SummarizationFunction",
        ].sorted()

        static func up(_ folder: TemporaryFolder, _ env: EmulatorEnvironment) async throws -> FerryRun {
            try await FerryRun.run(["up", "--yes", "--json"], in: folder.url, environment: env.variables)
        }

        @Test func upFromNothingThenHotswapsAHandlerAndTheSharedPackagesDependents() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("idp-app")
            let fixture = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/idp-app")
            for name in try FileManager.default.contentsOfDirectory(atPath: fixture.path) {
                try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
            }
            try folder.write("samconfig.toml", Self.samconfig)

            let first = try await Self.up(folder, env)
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(SamApp.path(first) == "cloudFormation", "\(first.output)")
            let stack = try await CloudFormation(client: env.client()).describeStack("idp")
            let pattern = stack?.parameters.member.first { $0.parameterKey == "IDPPattern" }?.parameterValue
            #expect(pattern == "Pattern2 - Packet processing with Textract and Bedrock")
            let verify = try await FerryRun.run(["verify"], in: folder.url, environment: env.variables)
            #expect(verify.exitCode == 0, "\(verify.output)")

            // Nothing changed: nothing to do (no false template change from the deployed template).
            let idle = try await Self.up(folder, env)
            #expect(SamApp.path(idle) == "nothing", "\(idle.output)")

            // One handler: that function alone, without a change set.
            try Convergence.append(folder.url, "patterns/pattern-2/src/classification_function/index.py", "# edited\n")
            try await env.clearJournal()
            let handler = try await Self.up(folder, env)
            #expect(handler.exitCode == 0, "\(handler.output)")
            #expect(SamApp.path(handler) == "hotswap", "\(handler.output)")
            #expect(SamApp.operations(handler) == ["Root/PATTERN2STACK/ClassificationFunction"], "\(handler.output)")
            #expect(try await env.journal().filter { $0.operation == "CreateChangeSet" }.isEmpty)

            // The shared package: exactly the functions that install it.
            try Convergence.append(folder.url, "lib/idp_common_pkg/idp_common/__init__.py", "# edited\n")
            try await env.clearJournal()
            let library = try await Self.up(folder, env)
            #expect(library.exitCode == 0, "\(library.output)")
            #expect(SamApp.path(library) == "hotswap", "\(library.output)")
            #expect(SamApp.operations(library) == Self.libraryDependents, "\(library.output)")
            #expect(try await env.journal().filter { $0.operation == "CreateChangeSet" }.isEmpty)
            let after = try await FerryRun.run(["verify"], in: folder.url, environment: env.variables)
            #expect(after.exitCode == 0, "\(after.output)")
        }
    }
}
