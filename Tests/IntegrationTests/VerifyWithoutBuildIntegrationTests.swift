import Foundation
import Testing

extension Integration {
    /// `ferry verify` never says "all 0 resource(s) run the local build" for an app with code.
    @Suite struct VerifyWithoutBuild {
        @Test func anAppWithFunctionsButNoBuildFailsWithWhatToDo() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-verify-nobuild")
            for (path, text) in ForEachApp.files(ferryToml: """
                template = "template.yaml"

                [artifacts]
                bucket = "ferry-nobuild-123456789012"

                [env.dev]
                stack_name = "nobuild-app"
                """) {
                try folder.write(path, text)
            }
            // A build of no function at all (the loop's list is empty), then the list gets its items back.
            let toml = try String(contentsOf: folder.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
            try folder.write("ferry.toml", toml + "\n\n[env.dev.parameters]\nNames = \"\"\n")
            let built = try await FerryRun.run(["build"], in: folder.url, environment: env.variables)
            #expect(built.exitCode == 0, "\(built.output)")
            try folder.write("ferry.toml", toml)
            let verify = try await FerryRun.run(["verify"], in: folder.url, environment: env.variables)
            #expect(verify.exitCode == 1, "\(verify.output)")
            #expect(!verify.output.contains("all 0 resource"), "\(verify.output)")
            #expect(verify.output.contains("3 function(s) (Root/AlphaFunction, Root/BetaFunction, Root/GammaFunction)"), "\(verify.output)")
            #expect(verify.output.contains("ferry build"), "\(verify.output)")
        }
    }
}
