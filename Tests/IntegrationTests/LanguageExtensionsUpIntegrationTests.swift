import Foundation
import Testing

extension Integration {
    /// `ferry up` of a SAM app with `AWS::LanguageExtensions` (``ForEachApp``) as its author wrote
    /// it: the deployed template keeps its `Fn::ForEach` loop (the emulator expands it, as
    /// CloudFormation does), every generated function verifies, and an edit of one generated
    /// function is hot-swapped alone.
    @Suite struct LanguageExtensionsUp {
        @Test func upDeploysTheLoopThenHotswapsOneGeneratedFunction() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-foreach-up")
            for (path, text) in ForEachApp.files(ferryToml: LanguageExtensionsPackaging.ferryToml) {
                try folder.write(path, text)
            }
            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            let first = try await ferry(["up", "--yes"])
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(first.stdout.contains("deployed through CloudFormation"), "\(first.output)")
            let packaged = try String(contentsOf: folder.url.appendingPathComponent(".ferry/package/packaged.yaml"),
                                      encoding: .utf8)
            #expect(packaged.contains("Fn::ForEach::Functions"), "the deployed template keeps the loop: \(packaged)")

            let verified = try await ferry(["verify", "--verbose"])
            #expect(verified.exitCode == 0, "\(verified.output)")
            for name in ["AlphaFunction", "BetaFunction", "GammaFunction"] {
                #expect(verified.output.contains("Root/\(name): fresh"), "\(verified.output)")
            }

            let idle = try await ferry(["plan", "--exit-code"])
            #expect(idle.exitCode == 0, "nothing changed, so nothing to do: \(idle.output)")

            try folder.write("functions/Beta/app.py", "def handler(event, context):\n    return {\"name\": \"Beta 2\"}\n")
            let swapped = try await ferry(["up", "--yes"])
            #expect(swapped.exitCode == 0, "\(swapped.output)")
            #expect(swapped.stdout.contains("BetaFunction"), "\(swapped.output)")
            #expect(!swapped.stdout.contains("AlphaFunction"), "only the edited function: \(swapped.output)")
            #expect(!swapped.stdout.contains("deployed through CloudFormation"), "a hot-swap, no change set: \(swapped.output)")
            let after = try await ferry(["verify"])
            #expect(after.exitCode == 0, "\(after.output)")
        }
    }
}
