// Ferry's zips hold the same files as `sam build`'s output for the sam-app fixture.
import Foundation
import Testing
import Templates
@testable import Builds

@Suite("Parity with sam build")
struct SamBuildParityTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The recorded list of `sam build`'s files for `logicalID` (see Tests/Fixtures/sam-build-parity/README.md).
    static func samFiles(_ logicalID: String) throws -> [String] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("sam-build-parity/\(logicalID).files"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init).sorted()
    }

    /// A copy of the sam-app fixture (builds write `.ferry/` into the project).
    static func project() throws -> TestFolder {
        let project = try TestFolder("sam-parity")
        let source = fixtures.appendingPathComponent("sam-app")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(atPath: source.appendingPathComponent(name).path, toPath: project.url(name))
        }
        return project
    }

    func files(of logicalID: String, in result: BuildResult) throws -> [String] {
        let outcome = try #require(result.outcomes.first { $0.build.targets.contains { $0.logicalID == logicalID } })
        let zip = try #require(outcome.archive?.path)
        return try BuildersTests().listing(zip).map { String($0.split(separator: " ")[0]) }.filter { !$0.hasSuffix("/") }.sorted()
    }

    @Test("esbuild (TypeScript) and Python (a local package with a console script) give sam build's files",
          .enabled(if: ExecutableLocatorProbe.has("esbuild") && ExecutableLocatorProbe.has("npm")))
    func parity() async throws {
        let project = try Self.project()
        // Only the two functions SAM's lists were recorded for.
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        var plan = try BuildPlan.make(tree: tree, catalog: BuilderCatalog.standard(projectRoot: project.path))
        plan.builds = plan.builds.filter { ["HelloWorldFunction", "PyFunction"].contains($0.targets[0].logicalID) }
        let engine = BuildEngine(cache: BuildCache(projectRoot: project.path),
                                 workDirectory: URL(fileURLWithPath: project.url(".ferry/build/tmp")), concurrency: 2)
        let result = await engine.run(plan)
        try result.requireSuccess()
        #expect(try files(of: "HelloWorldFunction", in: result) == Self.samFiles("HelloWorldFunction"))
        #expect(try files(of: "PyFunction", in: result) == Self.samFiles("PyFunction"))
    }
}
