import Foundation
import Testing
@testable import Toolchains

@Suite struct LambdaRuntimeTests {
    @Test(arguments: [
        ("python3.12", LambdaRuntime.python(version: "3.12")),
        ("python3.9", .python(version: "3.9")),
        ("nodejs20.x", .nodejs(major: 20)),
        ("provided.al2023", .provided("provided.al2023")),
        ("java21", .other("java21")),
    ])
    func parses(identifier: String, expected: LambdaRuntime) {
        #expect(LambdaRuntime(identifier) == expected)
        #expect(LambdaRuntime(identifier).description == identifier)
    }
}

@Suite struct ProcessRunnerTests {
    @Test func capturesLargeOutputOnBothPipesWithoutBlocking() async throws {
        let output = try await ProcessRunner().run(
            "/bin/sh", ["-c", "head -c 300000 /dev/zero | tr '\\\\0' a; head -c 200000 /dev/zero | tr '\\\\0' b >&2; exit 3"]
        )
        #expect(output.exitCode == 3)
        #expect(output.stdout.count == 300_000)
        #expect(output.stderr.count == 200_000)
    }

    @Test func feedsStandardInput() async throws {
        let output = try await ProcessRunner().run("/bin/cat", standardInput: Data("hello".utf8))
        #expect(output.stdout == "hello")
    }

    @Test func missingExecutableIsALaunchError() async {
        await #expect(throws: ProcessLaunchError.self) {
            _ = try await ProcessRunner().run("/nonexistent/tool")
        }
    }
}

@Suite struct PythonLocatorTests {
    /// Writes a fake interpreter that reports `version`.
    private func fakePython(at path: String, version: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "#!/bin/sh\necho Python \(version)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    @Test func findsTheNewestPyenvVersionWhenPathHasNone() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try fakePython(at: "\(home)/.pyenv/versions/3.12.1/bin/python3.12", version: "3.12.1")
        try fakePython(at: "\(home)/.pyenv/versions/3.12.10/bin/python3.12", version: "3.12.10")
        let locator = PythonLocator(environment: ["HOME": home, "PATH": "\(home)/empty"])
        let found = try #require(await locator.interpreter(version: "3.12"))
        #expect(found.version == "3.12.10")
        #expect(found.source == "pyenv")
        #expect(await locator.interpreter(version: "3.13") == nil)
    }

    @Test func findsUvAndAsdfInstalls() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try fakePython(at: "\(home)/.local/share/uv/python/cpython-3.11.9-linux-x86_64-gnu/bin/python3.11", version: "3.11.9")
        try fakePython(at: "\(home)/.asdf/installs/python/3.10.4/bin/python3.10", version: "3.10.4")
        let locator = PythonLocator(environment: ["HOME": home, "PATH": "\(home)/empty"])
        #expect(await locator.interpreter(version: "3.11")?.source == "uv")
        #expect(await locator.interpreter(version: "3.10")?.source == "asdf")
    }

    @Test func pathInterpreterOfTheWrongVersionIsNotTaken() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try fakePython(at: "\(home)/bin/python3", version: "3.11.7")
        let locator = PythonLocator(environment: ["HOME": home, "PATH": "\(home)/bin"])
        #expect(await locator.interpreter(version: "3.12") == nil)
        #expect(await locator.anyPython3()?.version == "3.11.7")
    }

    @Test func aShimOnPathIsResolvedToTheRealInterpreterOnce() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let real = "\(home)/.pyenv/versions/3.12.4/bin/python3.12"
        try fakePython(at: real, version: "3.12.4")
        // A shim like pyenv's: answers --version itself and -c with the real path; it counts its runs.
        let shim = "\(home)/.pyenv/shims/python3"
        try FileManager.default.createDirectory(atPath: "\(home)/.pyenv/shims", withIntermediateDirectories: true)
        try """
            #!/bin/sh
            echo run >> \(home)/shim-runs
            if [ "$1" = "-c" ]; then echo \(real); else echo Python 3.12.4; fi
            """.write(toFile: shim, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim)
        let locator = PythonLocator(environment: ["HOME": home, "PATH": "\(home)/.pyenv/shims"])
        let found = try #require(await locator.interpreter(version: "3.12"))
        #expect(found.url.path == real)
        #expect(found.source == "PATH")
        #expect(await locator.anyPython3()?.url.path == real)
        #expect(PythonLocator.isShim(URL(fileURLWithPath: shim)))
        #expect(!PythonLocator.isShim(URL(fileURLWithPath: real)))
    }

    @Test func aPlainInterpreterIsNotResolved() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try fakePython(at: "\(home)/bin/python3", version: "3.12.4")
        let locator = PythonLocator(environment: ["HOME": home, "PATH": "\(home)/bin"])
        #expect(await locator.interpreter(version: "3.12")?.url.path == "\(home)/bin/python3")
    }
}
