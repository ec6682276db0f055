// The engine with a shared (remote) cache: asked only after a local miss; a hit starts no builder.
import Foundation
import Synchronization
import Testing
import Templates
@testable import Builds

@Suite("BuildEngine with a remote cache")
struct RemoteLookupEngineTests {
    /// A remote cache that has some keys (found by a first run), and records what it was asked.
    final class FakeRemote: RemoteBuildLookup {
        let known: [BuildKey: ZipArchive]
        private let asked = Mutex<[BuildKey]>([])
        init(known: [BuildKey: ZipArchive]) { self.known = known }
        var askedKeys: [BuildKey] { asked.withLock { $0 } }

        func find(_ key: BuildKey, builder: String, builderVersion: String, cache: BuildCache) async -> RemoteBuildHit? {
            asked.withLock { $0.append(key) }
            guard let archive = known[key] else { return nil }
            let remote = ZipArchive(path: "", sha256: archive.sha256, size: archive.size,
                                    unzippedSize: archive.unzippedSize, entryCount: archive.entryCount)
            return RemoteBuildHit(archive: remote, objectKey: "app/\(archive.sha256.hex).zip",
                                  entryLocation: "s3://b/app/.ferry/cache/\(key.hex).json")
        }
    }

    func project(_ label: String) throws -> TestFolder {
        let project = try TestFolder(label)
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.12, Handler: index.handler}
            Resources:
              F1:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/f1}
              F2:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/f2}

            """)
        try project.write("src/f1/index.py", "N = 1\n")
        try project.write("src/f2/index.py", "N = 2\n")
        return project
    }

    func run(_ project: TestFolder, builder: FakeBuilder, remote: (any RemoteBuildLookup)?) async throws -> BuildResult {
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        let plan = try BuildPlan.make(tree: tree, commands: [:], catalog: fakeCatalog(builder))
        var engine = BuildEngine(cache: BuildCache(projectRoot: project.path),
                                 workDirectory: URL(fileURLWithPath: project.url(".ferry/build/tmp")), concurrency: 2)
        engine.remote = remote
        return await engine.run(plan)
    }

    @Test("a fresh checkout takes remote hits as cached builds without bytes; only the missing key is built")
    func remoteHits() async throws {
        let first = try await run(try project("remote-first"), builder: FakeBuilder(), remote: nil)
        let f1 = try #require(first.outcomes.first { $0.build.targets[0].logicalID == "F1" })
        let remote = FakeRemote(known: [try #require(f1.key): try #require(f1.archive)])

        let second = try project("remote-second")
        let builder = FakeBuilder()
        let result = try await run(second, builder: builder, remote: remote)
        #expect(result.ids(.cached) == ["F1"])
        #expect(result.ids(.built) == ["F2"])
        #expect(builder.invocations.count == 1)
        let manifest = BuildManifest(result: result)
        let entry = try #require(manifest.artifact(logicalID: "F1", stackPath: "Root"))
        #expect(entry.zipPath.isEmpty && entry.s3Key == "app/\(f1.archive!.sha256.hex).zip")
        #expect(entry.zipSHA256 == f1.archive?.sha256.hex && entry.builderVersion == "1")
        let built = try #require(manifest.artifact(logicalID: "F2", stackPath: "Root"))
        #expect(!built.zipPath.isEmpty && built.s3Key == nil)

        // The local cache now has F2: a second run asks the remote cache about F1 only.
        let again = FakeRemote(known: remote.known)
        _ = try await run(second, builder: FakeBuilder(), remote: again)
        #expect(again.askedKeys == [f1.key!])
    }
}
