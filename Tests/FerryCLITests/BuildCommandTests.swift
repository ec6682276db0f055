// `ferry build`: argument parsing and one real run against a tiny project.
import Foundation
import Testing
@testable import FerryCLI

@Suite("ferry build")
struct BuildCommandTests {
    @Test("parses --clean, --concurrency and logical IDs")
    func parsing() throws {
        let command = try #require(try Ferry.parseAsRoot(["build", "--clean", "--concurrency", "3", "A", "B"]) as? BuildCommand)
        #expect(command.clean)
        #expect(command.concurrency == 3)
        #expect(command.logicalIDs == ["A", "B"])
        let plain = try #require(try Ferry.parseAsRoot(["build"]) as? BuildCommand)
        #expect(!plain.clean)
        #expect(plain.concurrency == nil)
        #expect(plain.logicalIDs.isEmpty)
    }

    @Test("--concurrency below 1 is rejected")
    func badConcurrency() {
        #expect(throws: (any Error).self) { try Ferry.parseAsRoot(["build", "--concurrency", "0"]) }
    }

    @Test("builds with the [build.commands] of ferry.toml and writes .ferry/build/manifest.json")
    func endToEnd() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-cli-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("src/fn"), withIntermediateDirectories: true)
        try "echo hi\n".write(to: root.appendingPathComponent("src/fn/bootstrap"), atomically: true, encoding: .utf8)
        try """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/fn, Runtime: provided.al2023, Handler: bootstrap}
            """.write(to: root.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
        try """
            [build.commands]
            Fn = "cp bootstrap \\"$ARTIFACTS_DIR/\\""

            [env.dev]
            stack_name = "cli-build-test"
            """.write(to: root.appendingPathComponent("ferry.toml"), atomically: true, encoding: .utf8)
        var command = try #require(
            try Ferry.parseAsRoot(["build", "--config", root.appendingPathComponent("ferry.toml").path, "--json"])
                as? BuildCommand)
        try await command.run()
        let data = try Data(contentsOf: root.appendingPathComponent(".ferry/build/manifest.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let artifacts = try #require(json["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == 1)
        #expect(artifacts.first?["logicalID"] as? String == "Fn")
        #expect(artifacts.first?["builder"] as? String == "custom-command")
        #expect((artifacts.first?["zipSHA256"] as? String)?.count == 64)
    }
}
