// What a local package's wheel cache key depends on, computed without running anything.
import Foundation
import Testing
@testable import Builds

@Suite("Local wheel cache key")
struct LocalWheelKeyTests {
    static let python = PythonChoice(path: "/usr/bin/python3.12", version: "3.12.4", isExact: true, hasBuildTools: true,
                                     buildTools: "pip 24.0 setuptools 69.5.1 wheel 0.43.0")

    static func file(_ path: String, _ text: String, executable: Bool = false) -> HashedFile {
        let digest = SHA256Digest(hex: String(repeating: "0", count: 63) + String(text.count % 10))!
        return HashedFile(entry: FileTreeEntry(relativePath: path, sourcePath: "/x/" + path, size: 1, isExecutable: executable),
                          sha256: digest)
    }

    static func key(files: [HashedFile], python: PythonChoice = python, architecture: String = "x86_64",
                    environment: [String: String] = [:], isFolder: Bool = true) -> String {
        let request = BuildRequest(logicalID: .init("F"), kind: .function, sourceFolder: "/app/src/f", runtime: "python3.12",
                                   architecture: architecture, templateFolder: "/app", templateFile: "/app/template.yaml",
                                   environment: environment)
        let builder = PythonBuilder(environment: ["PATH": "/nowhere"], pipCacheFolder: "/tmp/unused-pip-cache")
        let session = PipSession(builder: builder, request: request,
                                 target: PythonTarget(runtime: "python3.12", architecture: architecture)!,
                                 python: python, scratch: "/tmp/unused")
        return session.localWheelKey(files: files, isFolder: isFolder)
    }

    @Test("same files, interpreter and settings give the same key, whatever the order, function or architecture")
    func stable() {
        let files = [Self.file("pyproject.toml", "a"), Self.file("pkg/__init__.py", "bb")]
        let key = Self.key(files: files)
        #expect(key.count == 64)
        #expect(Self.key(files: files.reversed()) == key)
        #expect(Self.key(files: files, architecture: "arm64") == key)
    }

    @Test("file bytes, names, modes, the interpreter, its build tools and the pip settings change the key")
    func sensitive() {
        let files = [Self.file("pyproject.toml", "a"), Self.file("pkg/__init__.py", "bb")]
        let key = Self.key(files: files)
        let otherPython = PythonChoice(path: Self.python.path, version: "3.12.5", isExact: true, hasBuildTools: true,
                                       buildTools: Self.python.buildTools)
        let otherTools = PythonChoice(path: Self.python.path, version: Self.python.version, isExact: true,
                                      hasBuildTools: true, buildTools: "pip 24.0 setuptools 70.0.0 wheel 0.43.0")
        let variants = [
            Self.key(files: [Self.file("pyproject.toml", "a"), Self.file("pkg/__init__.py", "ccc")]),
            Self.key(files: [Self.file("pyproject.toml", "a"), Self.file("pkg/other.py", "bb")]),
            Self.key(files: [Self.file("pyproject.toml", "a"), Self.file("pkg/__init__.py", "bb", executable: true)]),
            Self.key(files: files, python: otherPython),
            Self.key(files: files, python: otherTools),
            Self.key(files: files, environment: ["CFLAGS": "-O3"]),
            Self.key(files: files, isFolder: false),
        ]
        #expect(!variants.contains(key))
        #expect(Set(variants).count == variants.count)
    }
}
