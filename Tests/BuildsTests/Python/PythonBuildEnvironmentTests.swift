// Local wheels built by calling the package's backend in a stored build environment, and pure wheels unpacked without pip.
import Foundation
import Testing
@testable import Builds

@Suite("Python build environments and wheel unpacking")
struct PythonBuildEnvironmentTests {
    @Test("[build-system] is read from pyproject.toml: multi-line arrays, comments, literal strings; pip's defaults for a missing backend")
    func buildSystemTable() throws {
        let table = try #require(BuildSystemTable.parse("""
            [project]
            name = "x"
            requires = ["not-this"]

            [build-system]
            requires = [
                "setuptools>=61", # the backend
                'wheel',
            ]
            build-backend = "setuptools.build_meta"
            backend-path = ["."]

            [tool.x]
            requires = ["nor-this"]
            """))
        #expect(table.requires == ["setuptools>=61", "wheel"])
        #expect(table.backend == "setuptools.build_meta" && table.backendPath == ["."])
        let legacy = try #require(BuildSystemTable.parse("[build-system]\nrequires = [\"setuptools\"]\n"))
        #expect(legacy.backend == "setuptools.build_meta:__legacy__")
        #expect(BuildSystemTable.parse("[project]\nname = \"x\"\n") == nil)
        #expect(BuildSystemTable.parse("[build-system]\nrequires = [\"a\",\n") == nil)
        let idp = try #require(BuildSystemTable.read(packageFolder: Self.idpCommon))
        #expect(idp.requires == ["setuptools", "wheel"] && idp.backend == "setuptools.build_meta")
    }

    /// The seed app's local library (`Tests/Fixtures/idp-app/lib/idp_common_pkg`: setup.py, setup.cfg,
    /// MANIFEST.in and a pyproject with a setuptools `[build-system]`).
    static let idpCommon: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Tests/Fixtures/idp-app/lib/idp_common_pkg").path
    }()

    @Test("the seed's idp_common built through its backend in a stored build environment is byte-identical to `pip wheel`'s isolated build; a second run reuses the environment")
    func backendWheelMatchesPipWheel() async throws {
        let folder = try TestFolder("py-build-env-idp")
        let shim = try PipShim(in: folder)
        try FileManager.default.copyItem(atPath: Self.idpCommon, toPath: folder.url("app/lib/idp_common_pkg"))
        try folder.write("app/template.yaml", "Resources: {}\n")
        try folder.write("app/src/f/app.py", "def handler(e, c):\n    return 1\n")
        let request = SharedLibraryApp.request(folder.url("app"), 1, runtime: shim.runtime)
        let requirement = LocalPathRequirement(path: folder.url("app/lib/idp_common_pkg"), extras: [], name: nil,
                                               isEditable: false, file: folder.url("app/requirements.txt"), line: 1)
        func wheel(_ run: Int) async throws -> String {
            let builder = PythonDependencyTreeTests.builder(folder, shim)
            let target = try #require(PythonTarget(runtime: shim.runtime, architecture: PythonFixture.hostArchitecture))
            let python = try await builder.choosePython(for: target, request: request)
            let session = PipSession(builder: builder, request: request, target: target, python: python,
                                     scratch: folder.url("scratch-\(run)"))
            return try await session.localWheel(requirement, index: 0)
        }
        let built = try await wheel(1)
        #expect(shim.buildEnvironmentInstalls == 1 && shim.backendBuilds == 1 && shim.wheels == 0)

        // pip's own isolated build of the same files.
        let host = try PythonFixture.hostPython()
        try FileManager.default.copyItem(atPath: Self.idpCommon, toPath: folder.url("pip-copy"))
        let environment = PythonBuilder(environment: shim.environment).toolEnvironment(request)
        let result = try run("env", ["SOURCE_DATE_EPOCH=\(environment["SOURCE_DATE_EPOCH"]!)",
                                              "PIP_DISABLE_PIP_VERSION_CHECK=1", "PYTHONDONTWRITEBYTECODE=1",
                                              host.path, "-m", "pip", "wheel", "--no-deps", "--wheel-dir",
                                              folder.url("pip-out"), "--cache-dir", PythonFixture.pipCache,
                                              folder.url("pip-copy")])
        #expect(result.status == 0, "\(result.output)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url("pip-out"))
        #expect(names == [(built as NSString).lastPathComponent])
        #expect(try readBytes(built) == readBytes(folder.url("pip-out/\(names[0])")))

        // A new run after an edit: the stored environment is used (no pip at all), a new wheel is built.
        try folder.write("app/lib/idp_common_pkg/idp_common/added_module.py", "ADDED = 1\n")
        let pipBefore = shim.pipRuns
        let second = try await wheel(2)
        #expect(second != built && shim.pipRuns == pipBefore && shim.backendBuilds == 2)
    }

    @Test("a library with console scripts, package data and an executable file: the unpacked update gives the tree and zip of a fresh full install")
    func unpackMatchesPipInstall() async throws {
        let folder = try TestFolder("py-unpack-rich")
        let shim = try PipShim(in: folder)
        let app = try SharedLibraryApp.write(into: folder, functions: 1)
        try folder.write("app/lib/rich/pyproject.toml", """
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "rich-lib"
            version = "1.0.0"

            [project.scripts]
            rich-tool = "rich_lib:main"

            [tool.setuptools]
            packages = ["rich_lib"]

            [tool.setuptools.package-data]
            rich_lib = ["data/*.txt", "tools/*.sh"]

            """)
        try folder.write("app/lib/rich/rich_lib/__init__.py", "def main():\n    return 1\n")
        try folder.write("app/lib/rich/rich_lib/data/table, with comma.txt", "a,b\n")
        try folder.write("app/lib/rich/rich_lib/tools/run.sh", "#!/bin/sh\necho hi\n", mode: 0o755)
        try folder.write("app/src/f1/requirements.txt", "./lib/shared\n./lib/rich\n")
        let builder = { PythonDependencyTreeTests.builder(folder, shim) }
        _ = try await builder().build(SharedLibraryApp.request(app, 1, runtime: shim.runtime), workFolder: folder.url("w1"))

        try folder.write("app/lib/rich/rich_lib/__init__.py", "def main():\n    return 2\n")
        let pipBefore = shim.pipRuns
        let updated = try await builder().build(SharedLibraryApp.request(app, 1, runtime: shim.runtime), workFolder: folder.url("w2"))
        #expect(shim.pipRuns == pipBefore, "the library edit ran pip")

        let fresh = PythonBuilder(environment: shim.environment, pipCacheFolder: PythonFixture.pipCache,
                                  wheelCacheFolder: folder.url("fresh/wheels"))
        let full = try await fresh.build(SharedLibraryApp.request(app, 1, runtime: shim.runtime), workFolder: folder.url("w3"))
        let a = try PythonFixture.tree(updated), b = try PythonFixture.tree(full)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, file) in b { #expect(a[path]?.bytes == file.bytes && a[path]?.mode == file.mode, "\(path)") }
        #expect(a["rich_lib/tools/run.sh"]?.mode == 0o755)
        #expect(a["rich_lib/data/table, with comma.txt"] != nil)
        #expect(try PythonFixture.zips(updated, to: folder.url("updated")).sha256
                == PythonFixture.zips(full, to: folder.url("full")).sha256)
    }

    @Test("RECORD rows are written as pip writes them: sorted, unlisted files added, CSV quoting, CRLF")
    func installedRecord() {
        let record = Data("b/x.py,sha256=1,3\r\n\"a/q,\"\"r\"\".txt\",sha256=2,4\r\nb-1.dist-info/RECORD,,\r\n".utf8)
        let text = WheelUnpacker.installedRecord(record, files: ["b/x.py", "a/q,\"r\".txt", "b-1.dist-info/RECORD", "b/extra.py"])
        #expect(text == "\"a/q,\"\"r\"\".txt\",sha256=2,4\r\nb-1.dist-info/RECORD,,\r\nb/extra.py,,\r\nb/x.py,sha256=1,3\r\n")
    }
}
