// Pruning stored dependency trees, wheels and build environments that no current function uses.
import Foundation
import Testing
@testable import Builds

@Suite("DependencyStorePruner")
struct DependencyStorePrunerTests {
    static func entries(_ folder: TestFolder, _ store: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.url("ferry/\(store)"))) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("keeps the trees, wheels and build environment the current functions' last builds used; removes a gone function's and an old library version's, saying the bytes freed")
    func prunesUnused() async throws {
        let folder = try TestFolder("deps-prune")
        let shim = try PipShim(in: folder)
        let app = try SharedLibraryApp.write(into: folder, functions: 2, otherLibrary: true)
        try folder.write("app/src/f1/requirements.txt", "./lib/shared\n") // f2 also installs lib/other
        let builder = { PythonDependencyTreeTests.builder(folder, shim) }
        let f1 = SharedLibraryApp.request(app, 1, runtime: shim.runtime)
        let f2 = SharedLibraryApp.request(app, 2, runtime: shim.runtime)
        _ = try await builder().build(f1, workFolder: folder.url("w1"))
        _ = try await builder().build(f2, workFolder: folder.url("w2"))
        #expect(Self.entries(folder, "deps").count == 2 && Self.entries(folder, "wheels").count == 2)
        #expect(Self.entries(folder, "build-envs").count == 1)

        // Nothing is removed while both functions exist.
        let both = DependencyStorePruner.prune(ferryFolder: folder.url("ferry"), current: [f1, f2])
        #expect(both.removed.isEmpty && both.bytesFreed == 0 && both.kept.count == 5)

        // f2 removed from the template: its tree and the wheel only it used go; the rest stays.
        let treeOfF1 = Self.entries(folder, "deps")
        let withoutF2 = DependencyStorePruner.prune(ferryFolder: folder.url("ferry"), current: [f1])
        #expect(withoutF2.removed.count == 2)
        #expect(withoutF2.removed.filter { $0.hasPrefix("deps/") }.count == 1)
        #expect(withoutF2.removed.filter { $0.hasPrefix("wheels/") }.count == 1)
        #expect(withoutF2.bytesFreed > 0)
        #expect(Self.entries(folder, "deps").count == 1 && Self.entries(folder, "wheels").count == 1)
        #expect(Self.entries(folder, "build-envs").count == 1)
        #expect(treeOfF1.contains(Self.entries(folder, "deps")[0]))

        // A library edit: f1's new build uses a new tree and wheel; the old ones go.
        let oldTree = Self.entries(folder, "deps")
        try folder.write("app/lib/shared/shared_lib/__init__.py", "VERSION = 2\n")
        _ = try await builder().build(f1, workFolder: folder.url("w3"))
        #expect(Self.entries(folder, "deps").count == 2)
        let afterEdit = DependencyStorePruner.prune(ferryFolder: folder.url("ferry"), current: [f1])
        #expect(afterEdit.removed.count == 2)
        #expect(Self.entries(folder, "deps").count == 1 && Self.entries(folder, "deps") != oldTree)
        // What is kept still builds with no pip run.
        let pipRuns = shim.pipRuns
        _ = try await builder().build(f1, workFolder: folder.url("w4"))
        #expect(shim.pipRuns == pipRuns)
    }
}
