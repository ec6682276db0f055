// The engine's logic with a fake builder: cache, failures, concurrency, events.
import Foundation
import Testing
import Templates
@testable import Builds

@Suite("BuildEngine")
struct BuildEngineTests {
    /// A project with `count` Python functions, each in its own folder.
    func project(functions count: Int) throws -> TestFolder {
        let project = try TestFolder("engine")
        var template = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.12, Handler: index.handler}
            Resources:

            """
        for index in 1...count {
            try project.write("src/f\(index)/index.py", "N = \(index)\n")
            template += "  F\(index):\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: src/f\(index)}\n"
        }
        try project.write("template.yaml", template)
        return project
    }

    @Test("a second run with the same inputs is all cache hits: no builder starts, same zips")
    func cacheHitStartsNoBuilder() async throws {
        let project = try project(functions: 3)
        let first = FakeBuilder()
        let one = try await buildProject(project, catalog: fakeCatalog(first))
        #expect(one.ids(.built) == ["F1", "F2", "F3"])
        #expect(first.invocations.count == 3)

        let second = FakeBuilder()
        let two = try await buildProject(project, catalog: fakeCatalog(second))
        #expect(second.invocations.isEmpty)
        #expect(two.ids(.cached) == ["F1", "F2", "F3"])
        #expect(two.outcomes.map(\.archive?.sha256) == one.outcomes.map(\.archive?.sha256))
        #expect(two.outcomes.map(\.key) == one.outcomes.map(\.key))

        let third = FakeBuilder()
        let clean = try await buildProject(project, catalog: fakeCatalog(third), clean: true)
        #expect(third.invocations.count == 3)
        #expect(clean.ids(.built) == ["F1", "F2", "F3"])
        #expect(clean.outcomes.map(\.archive?.sha256) == one.outcomes.map(\.archive?.sha256))
    }

    @Test("one failure does not stop the others; the result fails at the end naming it, with the output")
    func failureIsolated() async throws {
        let project = try project(functions: 4)
        let builder = FakeBuilder(failing: ["F2"])
        let recorder = EventRecorder()
        let result = try await buildProject(project, catalog: fakeCatalog(builder), concurrency: 1, sink: recorder)
        #expect(result.ids(.built) == ["F1", "F3", "F4"])
        #expect(result.failures.map { $0.build.targets[0].logicalID } == ["F2"])
        let error = try #require(throws: BuildRunError.self) { try result.requireSuccess() }
        #expect(error.description.contains("Root/F2"))
        let failed = try #require(recorder.events.first { $0.phase == .failed })
        #expect(failed.artifact == "Root/F2")
        #expect(failed.details.contains("ERROR: no such package"))
        #expect(failed.message.contains("Root/F2"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.url(".ferry/build/tmp"))
        #expect(leftovers.isEmpty)
        let cached = try FileManager.default.contentsOfDirectory(atPath: project.url(".ferry/cache/builds"))
        #expect(cached.filter { $0.hasSuffix(".zip") }.count == 3)
        #expect(cached.allSatisfy { !$0.hasPrefix(".") })
    }

    @Test("never more builds at once than the concurrency bound", arguments: [1, 3])
    func concurrencyBound(limit: Int) async throws {
        let project = try project(functions: 8)
        let builder = FakeBuilder(delay: .milliseconds(40))
        let result = try await buildProject(project, catalog: fakeCatalog(builder), concurrency: limit)
        #expect(result.ids(.built).count == 8)
        #expect(builder.maxInFlight <= limit)
        #expect(builder.maxInFlight >= 1)
    }

    @Test("events: started before finished per artifact, cached without started, skipped, then one summary")
    func eventSequence() async throws {
        let project = try project(functions: 2)
        var template = try String(contentsOfFile: project.url("template.yaml"), encoding: .utf8)
        template += "  Inline:\n    Type: AWS::Serverless::Function\n    Properties: {InlineCode: 'x = 1'}\n"
        try project.write("template.yaml", template)
        let recorder = EventRecorder()
        _ = try await buildProject(project, catalog: fakeCatalog(FakeBuilder()), sink: recorder)
        #expect(recorder.kinds(for: "Root/F1") == ["build.started", "build.finished"])
        #expect(recorder.kinds(for: "Root/F2") == ["build.started", "build.finished"])
        #expect(recorder.kinds(for: "Root/Inline") == ["build.skipped"])
        #expect(recorder.events.last?.kind == "build.summary")
        #expect(recorder.events.last?.built == 2)
        let finished = recorder.events.filter { $0.phase == .finished }
        #expect(Set(finished.compactMap(\.position)) == [1, 2])
        #expect(finished.allSatisfy { $0.size ?? 0 > 0 && $0.zipSHA256?.count == 64 })

        try project.write("src/f2/index.py", "N = 22\n")
        let again = EventRecorder()
        _ = try await buildProject(project, catalog: fakeCatalog(FakeBuilder()), sink: again)
        #expect(again.kinds(for: "Root/F1") == ["build.cached"])
        #expect(again.kinds(for: "Root/F2") == ["build.started", "build.finished"])
        let summary = try #require(again.events.last)
        #expect(summary.message.hasPrefix("built 1, cached 1 in "))
    }

    @Test("a build that produces no files fails clearly")
    func emptyOutput() async throws {
        let project = try TestFolder("engine")
        try project.write("src/a/.ferryignore", "*\n")
        try project.write("src/a/ignored.txt", "x\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              A:
                Type: AWS::Serverless::LayerVersion
                Properties: {ContentUri: src/a}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        guard case .failed(let message, _)? = result.outcomes.first?.status else {
            Issue.record("expected a failure")
            return
        }
        #expect(message.contains("Root/A"))
        #expect(message.contains("no files"))
    }
}
