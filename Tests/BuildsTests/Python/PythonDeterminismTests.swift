// The same inputs in two different project folders give the same staged tree and the same zip.
import Foundation
import Testing
@testable import Builds

@Suite("PythonBuilder determinism")
struct PythonDeterminismTests {
    @Test("two copies of the project in different folders stage identical trees and zip to identical bytes")
    func twoFolders() async throws {
        let first = try TestFolder("py-det-a")
        let second = try TestFolder("py-det-bbbbbbbb")
        let builder = PythonBuilder(environment: PythonFixture.hostEnvironment, pipCacheFolder: PythonFixture.pipCache)
        var trees: [[String: (mode: Int, bytes: Data)]] = []
        var zips: [ZipArchive] = []
        for (folder, name) in [(first, "app"), (second, "project-copy")] {
            let app = try PythonFixture.copyExample(into: folder, name: name)
            let request = PythonFixture.request("ExtractionFunction", app: app, codeUri: "src/extraction",
                                                templateFolder: "patterns/pattern-2")
            let staged = try await builder.build(request, workFolder: folder.url("work"))
            trees.append(try PythonFixture.tree(staged))
            zips.append(try PythonFixture.zips(staged, to: folder.url("out")))
        }
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        #expect(trees[0].keys.contains("idp_common/extraction.py"))
        for (path, file) in trees[0] {
            #expect(trees[1][path]?.mode == file.mode, "mode of \(path)")
            #expect(trees[1][path]?.bytes == file.bytes, "bytes of \(path)")
        }
        #expect(zips[0].sha256 == zips[1].sha256)
    }
}
