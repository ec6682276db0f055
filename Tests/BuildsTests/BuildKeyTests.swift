// Build keys change exactly when a build input changes.
import Foundation
import Testing
@testable import Builds

@Suite("BuildKey")
struct BuildKeyTests {
    struct Project {
        let function: TestFolder
        let library: TestFolder

        init() throws {
            function = try TestFolder("fn")
            library = try TestFolder("lib")
            try function.write("index.py", "from idp_common import x\n")
            try function.write("requirements.txt", "./lib/idp_common_pkg[docs_service]\nboto3==1.35.0\n")
            try library.write("idp_common/__init__.py", "x = 1\n")
            try library.write("setup.py", "from setuptools import setup\n")
        }

        func key(runtime: String = "python3.12", parameters: [String: String] = [:]) async throws -> BuildKey {
            try await BuildKey.compute(
                builder: "python-pip", builderVersion: "1", runtime: runtime, architecture: "x86_64",
                parameters: parameters, sourceFolder: function.path,
                localDependencies: [LocalDependency(name: "idp_common_pkg", folder: library.path)], rules: .python)
        }
    }

    @Test("a byte change in the source changes the key")
    func byteChange() async throws {
        let project = try Project()
        let before = try await project.key()
        try project.function.write("index.py", "from idp_common import y\n")
        #expect(try await project.key() != before)
    }

    @Test("adding an execute bit changes the key")
    func modeChange() async throws {
        let project = try Project()
        let before = try await project.key()
        try project.function.chmod("index.py", 0o755)
        #expect(try await project.key() != before)
    }

    @Test("a byte change in a local path dependency changes the key")
    func dependencyChange() async throws {
        let project = try Project()
        let before = try await project.key()
        try project.library.write("idp_common/__init__.py", "x = 2\n")
        #expect(try await project.key() != before)
    }

    @Test("a requirements change changes the key")
    func requirementsChange() async throws {
        let project = try Project()
        let before = try await project.key()
        try project.function.write("requirements.txt", "./lib/idp_common_pkg[docs_service,extraction]\nboto3==1.35.0\n")
        #expect(try await project.key() != before)
    }

    @Test("runtime, parameters and builder changes change the key")
    func settingsChange() async throws {
        let project = try Project()
        let base = try await project.key()
        #expect(try await project.key(runtime: "python3.13") != base)
        #expect(try await project.key(parameters: ["PIP_INDEX": "x"]) != base)
    }

    @Test("mtime changes and ignored files (__pycache__, tests/) do not change the key")
    func stableKey() async throws {
        let project = try Project()
        let before = try await project.key()
        try project.function.touchAll(Date(timeIntervalSince1970: 42))
        try project.library.touchAll(Date(timeIntervalSince1970: 43))
        try project.function.write("__pycache__/index.cpython-312.pyc", "bytecode")
        try project.library.write("idp_common/__pycache__/m.pyc", "bytecode")
        try project.library.write("tests/test_x.py", "assert True\n")
        #expect(try await project.key() == before)
    }

    @Test("the same content in other folders gives the same key; enumeration order does not matter")
    func locationAndOrderIndependent() async throws {
        let a = try Project(), b = try Project()
        #expect(try await a.key() == b.key())
        let inputs = try await BuildKeyInputs.gather(builder: "b", builderVersion: "1", runtime: "r",
                                                     architecture: "arm64", sourceFolder: a.function.path,
                                                     localDependencies: [LocalDependency(name: "l", folder: a.library.path),
                                                                         LocalDependency(name: "m", folder: b.library.path)])
        var shuffled = inputs
        shuffled.sourceFiles.reverse()
        shuffled.dependencies.reverse()
        #expect(BuildKey(shuffled) == BuildKey(inputs))
    }

    @Test("the canonical encoding is exactly the documented format")
    func encoding() {
        let entry = FileTreeEntry(relativePath: "a b.py", sourcePath: "/x", size: 1, isExecutable: true)
        let digest = SHA256Digest(bytes: Array(repeating: 0xab, count: 32))
        let inputs = BuildKeyInputs(builder: "python-pip", builderVersion: "1", runtime: "python3.12",
                                    architecture: "x86_64", parameters: ["b": "2", "a": "1"],
                                    sourceFiles: [HashedFile(entry: entry, sha256: digest)],
                                    dependencies: [.init(name: "lib", files: [])])
        let text = String(decoding: inputs.canonicalEncoding(), as: UTF8.self)
        let hex = String(repeating: "ab", count: 32)
        #expect(text == """
            ferry-build-key 1
            builder 10:python-pip 1:1
            runtime 10:python3.12
            architecture 6:x86_64
            parameter 1:a 1:1
            parameter 1:b 1:2
            source 1
            file 6:a b.py x \(hex)
            dependency 3:lib 0
            end

            """)
    }
}
