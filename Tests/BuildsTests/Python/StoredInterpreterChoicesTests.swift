// Interpreter choices kept in .ferry between runs: no probe while nothing that decided them changed.
import Foundation
import Testing
@testable import Builds

@Suite("Stored interpreter choices")
struct StoredInterpreterChoicesTests {
    static func probes(_ shim: PipShim) -> Int {
        shim.calls().filter { $0 == "--version" || $0.hasPrefix("-c import importlib.metadata") }.count
    }

    @Test("a second run starts no interpreter probe; a changed interpreter, PATH or --clean probes again")
    func secondRunProbesNothing() async throws {
        let folder = try TestFolder("py-stored-choices")
        let shim = try PipShim(in: folder)
        let app = try SharedLibraryApp.write(into: folder, functions: 1)
        func build(_ run: Int, environment: [String: String]? = nil, clean: Bool = false) async throws {
            let builder = PythonBuilder(environment: environment ?? shim.environment, pipCacheFolder: PythonFixture.pipCache,
                                        wheelCacheFolder: folder.url("ferry/wheels"), reusesStoredWheels: !clean)
            _ = try await builder.build(SharedLibraryApp.request(app, 1, runtime: shim.runtime),
                                        workFolder: folder.url("work-\(run)"))
        }
        try await build(1)
        let first = Self.probes(shim)
        #expect(first >= 2, "the first run probes the version and the build tools: \(shim.calls())")
        #expect(FileManager.default.fileExists(atPath: folder.url("ferry/interpreters.json")))

        try await build(2)
        #expect(Self.probes(shim) == first, "nothing changed: no probe")

        // The interpreter's file changes (an upgrade): probed again.
        let wrapper = folder.url("wrap-bin/\(shim.runtime)")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: wrapper)
        try await build(3)
        let afterUpgrade = Self.probes(shim)
        #expect(afterUpgrade > first)

        // Another PATH: probed again; then stored for it.
        var moved = shim.environment
        moved["PATH"] = (moved["PATH"] ?? "") + ":/nonexistent-ferry-test"
        try await build(4, environment: moved)
        let afterPath = Self.probes(shim)
        #expect(afterPath > afterUpgrade)
        try await build(5, environment: moved)
        #expect(Self.probes(shim) == afterPath)

        // --clean probes again.
        try await build(6, environment: moved, clean: true)
        #expect(Self.probes(shim) > afterPath)
    }

    @Test("the fingerprint follows the variables version managers read and the candidates' files")
    func fingerprintFollowsItsInputs() throws {
        let folder = try TestFolder("py-fingerprint")
        let candidate = try folder.write("bin/python3.12", "#!/bin/sh\n", mode: 0o755)
        let environment = ["PATH": folder.url("bin"), "HOME": folder.url("home")]
        func print(_ environment: [String: String]) -> String {
            StoredInterpreterChoices.fingerprint(version: "3.12", environment: environment, candidates: [candidate],
                                                 chosen: candidate, sitePackages: [])
        }
        let base = print(environment)
        #expect(print(environment) == base)
        #expect(print(environment.merging(["PYENV_VERSION": "3.12.1"]) { $1 }) != base)
        #expect(print(environment.merging(["VIRTUAL_ENV": "/venv"]) { $1 }) != base)
        _ = try folder.write("bin/python3.12", "#!/bin/sh\nexit 0\n", mode: 0o755)
        #expect(print(environment) != base)
        let store = StoredInterpreterChoices(file: folder.url("ferry/interpreters.json"), reads: true)
        #expect(store.choice(version: "3.12", environment: environment, candidates: [candidate]) == nil)
    }
}
