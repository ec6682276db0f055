// Dependency trees installed once per key: a handler edit runs no pip, a library edit one install per tree.
import Foundation
import Testing
@testable import Builds

@Suite("PythonBuilder dependency trees")
struct PythonDependencyTreeTests {
    /// A builder whose interpreter is the logging wrapper, with its caches under `folder`
    /// (a new builder is a new `ferry` run: only what is on disk is shared).
    static func builder(_ folder: TestFolder, _ shim: PipShim) -> PythonBuilder {
        PythonBuilder(environment: shim.environment, pipCacheFolder: PythonFixture.pipCache,
                      wheelCacheFolder: folder.url("ferry/wheels"))
    }

    static func buildAll(_ builder: PythonBuilder, _ app: String, _ indexes: ClosedRange<Int>, runtime: String,
                         work: String) async throws -> [StagedBuild] {
        try await withThrowingTaskGroup(of: (Int, StagedBuild).self) { group in
            for index in indexes {
                group.addTask {
                    (index, try await builder.build(SharedLibraryApp.request(app, index, runtime: runtime),
                                                    workFolder: "\(work)/f\(index)"))
                }
            }
            var result: [Int: StagedBuild] = [:]
            for try await (index, staged) in group { result[index] = staged }
            return indexes.map { result[$0]! }
        }
    }

    static func storedTrees(_ folder: TestFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.url("ferry/deps"))) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("three functions with the same requirements: one wheel, one install; a handler edit runs no pip; a library edit one wheel and one install")
    func installedOncePerKey() async throws {
        let folder = try TestFolder("py-deps-once")
        let shim = try PipShim(in: folder)
        let app = try SharedLibraryApp.write(into: folder, functions: 3)

        // First build of all three at once: one build environment, one wheel (its backend called
        // directly, no `pip wheel`), one install, one stored tree.
        let first = try await Self.buildAll(Self.builder(folder, shim), app, 1...3, runtime: shim.runtime,
                                            work: folder.url("work-1"))
        #expect(shim.buildEnvironmentInstalls == 1)
        #expect(shim.backendBuilds == 1 && shim.wheels == 0)
        #expect(shim.installs == 1)
        #expect(Self.storedTrees(folder).count == 1)
        for (index, staged) in first.enumerated() {
            let files = try PythonFixture.tree(staged)
            #expect(files["app.py"]?.bytes == Data(SharedLibraryApp.handler(index + 1, version: 1).utf8))
            #expect(files["shared_lib/__init__.py"]?.bytes == Data("VERSION = 1\n".utf8))
            #expect(files.keys.contains { $0.hasPrefix("shared_lib-1.0.0.dist-info/") })
            _ = try PythonFixture.zips(staged, to: folder.url("zip-1-\(index)"))
        }
        // The staged folder holds only the function's own files; the tree comes as a part.
        #expect(try FileManager.default.contentsOfDirectory(atPath: first[0].folder).sorted() == ["app.py", "requirements.txt"])
        #expect(first.allSatisfy { $0.parts.count == 1 && $0.parts[0].zipPath == first[0].parts[0].zipPath })

        // A handler edit, in a new run: no pip at all, and the new handler in the zip.
        let pipBefore = shim.pipRuns
        try folder.write("app/src/f2/app.py", SharedLibraryApp.handler(2, version: 2))
        let edited = try await Self.buildAll(Self.builder(folder, shim), app, 2...2, runtime: shim.runtime,
                                             work: folder.url("work-2"))
        #expect(shim.pipRuns == pipBefore)
        #expect(try PythonFixture.tree(edited[0])["app.py"]?.bytes == Data(SharedLibraryApp.handler(2, version: 2).utf8))
        _ = try PythonFixture.zips(edited[0], to: folder.url("zip-2"))

        // A library edit, in a new run, rebuilding its three dependents at once: one wheel from the
        // stored build environment, unpacked over a copy of the tree: no pip at all.
        try folder.write("app/lib/shared/shared_lib/__init__.py", "VERSION = 2\n")
        let pipBeforeEdit = shim.pipRuns
        let rebuilt = try await Self.buildAll(Self.builder(folder, shim), app, 1...3, runtime: shim.runtime,
                                              work: folder.url("work-3"))
        #expect(shim.backendBuilds == 2)
        #expect(shim.pipRuns == pipBeforeEdit)
        #expect(Self.storedTrees(folder).count == 2)
        for (index, staged) in rebuilt.enumerated() {
            #expect(try PythonFixture.tree(staged)["shared_lib/__init__.py"]?.bytes == Data("VERSION = 2\n".utf8))
            _ = try PythonFixture.zips(staged, to: folder.url("zip-3-\(index)"))
        }
    }

    @Test("a layer gets the shared tree under python/, and its zip equals the zip of the whole folder")
    func layerPrefix() async throws {
        let folder = try TestFolder("py-deps-layer")
        let shim = try PipShim(in: folder)
        let app = try SharedLibraryApp.write(into: folder, functions: 1)
        var request = SharedLibraryApp.request(app, 1, runtime: shim.runtime)
        request.kind = .layer
        let staged = try await Self.builder(folder, shim).build(request, workFolder: folder.url("work"))
        let files = try PythonFixture.tree(staged)
        #expect(files["python/shared_lib/__init__.py"] != nil && files["python/app.py"] != nil)
        #expect(!files.keys.contains { !$0.hasPrefix("python/") })
        _ = try PythonFixture.zips(staged, to: folder.url("layer"))
    }

    @Test("the tree's key does not depend on the project's folder, HOME or the cache folders")
    func keyIsMachineIndependent() async throws {
        var keys: [[String]] = []
        for label in ["py-deps-key-a", "py-deps-key-bbbbbbbbbbbb"] {
            let folder = try TestFolder(label)
            let shim = try PipShim(in: folder)
            var environment = shim.environment
            environment["HOME"] = folder.url("home-\(label)")
            let app = try SharedLibraryApp.write(into: folder, functions: 1, name: "project-\(label)")
            let builder = PythonBuilder(environment: environment, pipCacheFolder: folder.url("pip-cache"),
                                        wheelCacheFolder: folder.url("ferry/wheels"))
            _ = try await builder.build(SharedLibraryApp.request(app, 1, runtime: shim.runtime), workFolder: folder.url("w"))
            keys.append(Self.storedTrees(folder))
        }
        #expect(keys[0].count == 1)
        #expect(keys[0] == keys[1])
    }
}

@Suite("PythonBuilder dependency tree updates")
struct PythonDependencyTreeUpdateTests {
    static func lastInstall(_ shim: PipShim) -> String {
        shim.calls().last { $0.hasPrefix("-m pip install") } ?? ""
    }

    @Test("a pure-Python library edit updates the stored tree by unpacking the new wheel (no pip), giving the tree and zip of a fresh full install; a changed dependency list falls back to the full install")
    func pureWheelUpdate() async throws {
        let folder = try TestFolder("py-deps-update")
        let shim = try PipShim(in: folder)
        let app = try SharedLibraryApp.write(into: folder, functions: 2, otherLibrary: true)
        let builder = { PythonDependencyTreeTests.builder(folder, shim) }
        _ = try await builder().build(SharedLibraryApp.request(app, 1, runtime: shim.runtime), workFolder: folder.url("w1"))
        #expect(shim.installs == 1 && !Self.lastInstall(shim).contains("--no-deps"))

        // The library edit: both functions rebuilt, the new wheel unpacked over a copy of the tree:
        // no pip run at all (its build environment is stored).
        try folder.write("app/lib/shared/shared_lib/__init__.py", "VERSION = 2\n")
        try folder.write("app/lib/shared/shared_lib/added.py", "ADDED = True\n")
        let pipBefore = shim.pipRuns
        let updated = try await PythonDependencyTreeTests.buildAll(builder(), app, 1...2, runtime: shim.runtime,
                                                                   work: folder.url("w2"))
        #expect(shim.pipRuns == pipBefore)
        #expect(shim.installs == 1)

        // The same inputs installed from scratch (another store): the same files and zip bytes.
        let fresh = PythonBuilder(environment: shim.environment, pipCacheFolder: PythonFixture.pipCache,
                                  wheelCacheFolder: folder.url("fresh/wheels"))
        let full = try await fresh.build(SharedLibraryApp.request(app, 1, runtime: shim.runtime), workFolder: folder.url("w3"))
        #expect(!Self.lastInstall(shim).contains("--no-deps"))
        let a = try PythonFixture.tree(updated[0]), b = try PythonFixture.tree(full)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, file) in b { #expect(a[path]?.bytes == file.bytes && a[path]?.mode == file.mode, "\(path)") }
        #expect(a["shared_lib/added.py"] != nil && a["other_lib/__init__.py"] != nil)
        let zipA = try PythonFixture.zips(updated[0], to: folder.url("updated"))
        let zipB = try PythonFixture.zips(full, to: folder.url("full"))
        #expect(zipA.sha256 == zipB.sha256)

        // A new extra changes what the package declares: no shortcut, the full install runs.
        try folder.write("app/lib/shared/pyproject.toml",
                         SharedLibraryApp.pyproject(name: "shared-lib", package: "shared_lib",
                                                    extra: "[project.optional-dependencies]\nfast = []\n"))
        let installsBefore = shim.installs
        let extra = try await builder().build(SharedLibraryApp.request(app, 1, runtime: shim.runtime), workFolder: folder.url("w4"))
        #expect(shim.installs == installsBefore + 1) // the update unpacked and refused, then the full install
        #expect(!Self.lastInstall(shim).contains("--no-deps"))
        #expect(try PythonFixture.tree(extra).keys.contains("shared_lib/added.py"))
    }
}
