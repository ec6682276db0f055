// Real pip builds sharing the wheel of the example app's local package.
import Foundation
import Testing
@testable import Builds

@Suite("PythonBuilder local wheel cache")
struct PythonWheelCacheTests {
    /// A builder with its own, empty wheel cache under `folder`.
    static func builder(_ folder: TestFolder) -> PythonBuilder {
        PythonBuilder(environment: PythonFixture.hostEnvironment, pipCacheFolder: PythonFixture.pipCache,
                      wheelCacheFolder: folder.url("wheels"))
    }

    /// Folders stored in the cache (one per key), temporary ones excluded.
    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func uploadResolver(_ app: String) -> BuildRequest {
        PythonFixture.request("UploadResolverFunction", app: app, codeUri: "src/upload_resolver")
    }

    static func queueSender(_ app: String) -> BuildRequest {
        PythonFixture.request("QueueSenderFunction", app: app, codeUri: "src/queue_sender")
    }

    @Test("two functions bundling the same local package run pip wheel once")
    func sharedPackageBuiltOnce() async throws {
        let folder = try TestFolder("py-wheel-shared")
        let app = try PythonFixture.copyExample(into: folder)
        let builder = Self.builder(folder)
        let first = try await builder.build(Self.uploadResolver(app), workFolder: folder.url("work-1"))
        let second = try await builder.build(Self.queueSender(app), workFolder: folder.url("work-2"))
        #expect(builder.wheelCache.wheelsBuilt == 1)
        #expect(Self.entries(folder.url("wheels")).count == 1)
        let library = try readBytes(app + "/lib/idp_common_pkg/idp_common/docs_service.py")
        for staged in [first, second] {
            let files = try PythonFixture.tree(staged)
            #expect(files["idp_common/docs_service.py"]?.bytes == library)
            #expect(files.keys.contains { $0.hasPrefix("idp_common-0.3.19.dist-info/") })
        }
    }

    @Test("a change in the package builds a new wheel; the earlier wheel still serves the unchanged files")
    func changedPackageGetsNewWheel() async throws {
        let folder = try TestFolder("py-wheel-change")
        let app = try PythonFixture.copyExample(into: folder)
        let builder = Self.builder(folder)
        let module = app + "/lib/idp_common_pkg/idp_common/docs_service.py"
        let original = try readBytes(module)
        let before = try PythonFixture.tree(try await builder.build(Self.uploadResolver(app), workFolder: folder.url("w1")))

        var changed = original
        changed.append(contentsOf: Data("\nCHANGED = True\n".utf8))
        try changed.write(to: URL(fileURLWithPath: module))
        let after = try PythonFixture.tree(try await builder.build(Self.queueSender(app), workFolder: folder.url("w2")))
        #expect(builder.wheelCache.wheelsBuilt == 2)
        #expect(Self.entries(folder.url("wheels")).count == 2)
        #expect(after["idp_common/docs_service.py"]?.bytes == changed)

        // Back to the original files: the first wheel is reused and gives the first function's tree.
        try original.write(to: URL(fileURLWithPath: module))
        let again = try PythonFixture.tree(try await builder.build(Self.uploadResolver(app), workFolder: folder.url("w3")))
        #expect(builder.wheelCache.wheelsBuilt == 2)
        #expect(again.keys.sorted() == before.keys.sorted())
        for (path, file) in before { #expect(again[path]?.bytes == file.bytes, "bytes of \(path)") }
    }

    @Test("a build from the cache stages the same tree and zip as one with the cache deleted")
    func cachedEqualsUncached() async throws {
        let folder = try TestFolder("py-wheel-same")
        let app = try PythonFixture.copyExample(into: folder)
        let request = PythonFixture.request("OCRFunction", app: app, codeUri: "src/ocr", templateFolder: "patterns/pattern-2")
        var trees: [[String: (mode: Int, bytes: Data)]] = []
        var zips: [SHA256Digest] = []
        var built: [Int] = []
        // Fresh cache (builds), the same cache in a new builder (reuses), the cache deleted (builds again).
        for index in 0..<3 {
            if index == 2 { try FileManager.default.removeItem(atPath: folder.url("wheels")) }
            let builder = Self.builder(folder)
            let staged = try await builder.build(request, workFolder: folder.url("work-\(index)"))
            built.append(builder.wheelCache.wheelsBuilt)
            trees.append(try PythonFixture.tree(staged))
            zips.append(try PythonFixture.zips(staged, to: folder.url("out-\(index)")).sha256)
        }
        #expect(built == [1, 0, 1])
        #expect(trees[0].keys.contains { $0.hasSuffix(".dist-info/RECORD") })
        for other in trees.dropFirst() {
            #expect(other.keys.sorted() == trees[0].keys.sorted())
            for (path, file) in trees[0] {
                #expect(other[path]?.mode == file.mode, "mode of \(path)")
                #expect(other[path]?.bytes == file.bytes, "bytes of \(path)")
            }
        }
        #expect(Set(zips).count == 1)
    }

    @Test("two functions with the same local package built at the same time build its wheel once")
    func concurrentBuildsShareTheWheel() async throws {
        let folder = try TestFolder("py-wheel-concurrent")
        let app = try PythonFixture.copyExample(into: folder)
        let builder = Self.builder(folder)
        async let first = builder.build(Self.uploadResolver(app), workFolder: folder.url("work-1"))
        async let second = builder.build(Self.queueSender(app), workFolder: folder.url("work-2"))
        let staged = try await [first, second]
        #expect(builder.wheelCache.wheelsBuilt == 1)
        #expect(Self.entries(folder.url("wheels")).count == 1)
        let trees = try staged.map { try PythonFixture.tree($0) }
        let installed = { (tree: [String: (mode: Int, bytes: Data)]) in tree.filter { $0.key.hasPrefix("idp_common") } }
        let a = installed(trees[0]), b = installed(trees[1])
        #expect(!a.isEmpty && a.keys.sorted() == b.keys.sorted())
        for (path, file) in a { #expect(b[path]?.bytes == file.bytes, "bytes of \(path)") }
    }
}
