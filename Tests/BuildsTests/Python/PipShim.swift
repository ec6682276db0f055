// A python3 wrapper on PATH that logs every invocation and runs the real interpreter.
import Foundation
import Testing
@testable import Builds

/// An interpreter wrapper for counting pip runs: `<folder>/wrap-bin/python3.X` (the host's own
/// version, so the builder takes it as the runtime's exact interpreter) appends its arguments to a
/// log, then `exec`s the host's real python3 with them.
struct PipShim {
    /// The environment whose PATH finds the wrapper first.
    let environment: [String: String]
    /// `python3.X`: the runtime that makes the builder choose the wrapper.
    let runtime: String
    let log: String

    init(in folder: TestFolder) throws {
        let host = try PythonFixture.hostPython()
        log = folder.url("python-calls.log")
        try folder.write("wrap-bin/python\(host.version)", """
            #!/bin/sh
            printf '%s\\n' "$*" >> '\(log)'
            exec '\(host.path)' "$@"

            """, mode: 0o755)
        var environment = PythonFixture.hostEnvironment
        environment["PATH"] = folder.url("wrap-bin") + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        self.environment = environment
        runtime = "python\(host.version)"
    }

    /// Every logged invocation's arguments.
    func calls() -> [String] {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// How many `-m pip install` runs were logged (dependency installs; not build environments).
    var installs: Int { calls().filter { $0.hasPrefix("-m pip install") && !$0.contains("build-envs/") }.count }
    /// How many build environments were installed (`-m pip install --target …/build-envs/…`).
    var buildEnvironmentInstalls: Int { calls().filter { $0.hasPrefix("-m pip install") && $0.contains("build-envs/") }.count }
    /// How many wheels were built by calling a backend directly (`-I -S -B -c <front end>`).
    var backendBuilds: Int { calls().filter { $0.hasPrefix("-I -S -B -c") }.count }
    /// How many `-m pip wheel` runs were logged.
    var wheels: Int { calls().filter { $0.hasPrefix("-m pip wheel") }.count }
    /// How many pip runs of any kind were logged.
    var pipRuns: Int { calls().filter { $0.hasPrefix("-m pip") }.count }
}

/// A small app: `lib/shared` (a pure-Python local package) and functions `src/f1` … `src/fN`, each
/// requiring it (the same requirements, so one shared dependency tree).
enum SharedLibraryApp {
    static func write(into folder: TestFolder, functions: Int, name: String = "app", otherLibrary: Bool = false) throws -> String {
        try folder.write("\(name)/template.yaml", "Resources: {}\n")
        try folder.write("\(name)/lib/shared/pyproject.toml", """
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "shared-lib"
            version = "1.0.0"

            [tool.setuptools]
            packages = ["shared_lib"]

            """)
        try folder.write("\(name)/lib/shared/shared_lib/__init__.py", "VERSION = 1\n")
        if otherLibrary {
            try folder.write("\(name)/lib/other/pyproject.toml", pyproject(name: "other-lib", package: "other_lib"))
            try folder.write("\(name)/lib/other/other_lib/__init__.py", "OTHER = 1\n")
            try folder.write("\(name)/lib/other/other_lib/data/table.txt", "a,b\n")
        }
        for index in 1...functions {
            try folder.write("\(name)/src/f\(index)/app.py", handler(index, version: 1))
            try folder.write("\(name)/src/f\(index)/requirements.txt", otherLibrary ? "./lib/shared\n./lib/other\n" : "./lib/shared\n")
        }
        return folder.url(name)
    }

    static func pyproject(name: String, package: String, extra: String = "") -> String {
        """
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "\(name)"
        version = "1.0.0"
        \(extra)
        [tool.setuptools]
        packages = ["\(package)"]

        """
    }

    static func handler(_ index: Int, version: Int) -> String {
        "import shared_lib\n\ndef handler(event, context):\n    return {'f': \(index), 'v': \(version)}\n"
    }

    static func request(_ app: String, _ index: Int, runtime: String) -> BuildRequest {
        BuildRequest(logicalID: .init("F\(index)"), kind: .function, sourceFolder: app + "/src/f\(index)",
                     runtime: runtime, architecture: PythonFixture.hostArchitecture, templateFolder: app,
                     templateFile: app + "/template.yaml")
    }
}
