import Foundation

/// Finds a Python interpreter of a given version the way developers install them: on `PATH`,
/// through pyenv, asdf or uv.
package struct PythonLocator: Sendable {
    /// Where an interpreter was found.
    package struct Interpreter: Sendable, Equatable {
        package var url: URL
        /// `3.12.4`
        package var version: String
        /// `PATH`, `pyenv`, `asdf` or `uv`.
        package var source: String
    }

    private let locator: ExecutableLocator
    private let runner: ProcessRunner

    package init(environment: [String: String], runner: ProcessRunner = ProcessRunner()) {
        self.locator = ExecutableLocator(environment: environment)
        self.runner = runner
    }

    /// The best interpreter for `version` ("3.12"), or nil when none is installed.
    package func interpreter(version: String) async -> Interpreter? {
        for (url, source) in candidates(version: version) {
            if let found = await probe(url), found.hasPrefix(version + ".") || found == version {
                return Interpreter(url: await resolvingShim(url), version: found, source: source)
            }
        }
        return nil
    }

    /// Any python3 at all (for building pure-Python packages when the exact version is missing).
    package func anyPython3() async -> Interpreter? {
        guard let url = locator.onPath("python3"), let version = await probe(url) else { return nil }
        return Interpreter(url: await resolvingShim(url), version: version, source: "PATH")
    }

    /// Whether `url` is a version manager's shim (`~/.pyenv/shims/python3`, `~/.asdf/shims/python3`):
    /// a script that picks the interpreter on every run (and races on pyenv's rehash when two run at once).
    package static func isShim(_ url: URL) -> Bool {
        url.deletingLastPathComponent().lastPathComponent == "shims"
    }

    /// The real executable behind a shim (`sys.executable`), asked once; other paths unchanged.
    /// Builders run pip with the resolved path, never through the shim.
    package func resolvingShim(_ url: URL) async -> URL {
        guard Self.isShim(url),
              let output = try? await runner.run(url.path, ["-c", "import sys; print(sys.executable)"]),
              output.succeeded else { return url }
        let path = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard path.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: path) else { return url }
        return URL(fileURLWithPath: path)
    }

    /// Whether `python -m pip` works with this interpreter; returns pip's version line.
    package func pipVersion(of interpreter: Interpreter) async -> String? {
        guard let output = try? await runner.run(interpreter.url.path, ["-m", "pip", "--version"]),
              output.succeeded else { return nil }
        return output.stdout.split(separator: " ").dropFirst().first.map(String.init)
    }

    /// Where `interpreter(version:)` looks, in order (no process is started to list them).
    package func candidatePaths(version: String) -> [URL] {
        candidates(version: version).map(\.0)
    }

    private func candidates(version: String) -> [(URL, String)] {
        let env = locator.environment
        let home = locator.home
        var result: [(URL, String)] = []
        if let url = locator.onPath("python\(version)") { result.append((url, "PATH")) }
        if let url = locator.onPath("python3") { result.append((url, "PATH")) }
        let pyenvRoot = env["PYENV_ROOT"] ?? "\(home)/.pyenv"
        result += locator.inVersionFolders(root: "\(pyenvRoot)/versions", prefix: version + ".", binary: "bin/python\(version)").map { ($0, "pyenv") }
        let asdfRoot = env["ASDF_DATA_DIR"] ?? "\(home)/.asdf"
        result += locator.inVersionFolders(root: "\(asdfRoot)/installs/python", prefix: version + ".", binary: "bin/python\(version)").map { ($0, "asdf") }
        let uvRoot = env["UV_PYTHON_INSTALL_DIR"] ?? "\(home)/.local/share/uv/python"
        result += locator.inVersionFolders(root: uvRoot, prefix: "cpython-\(version).", binary: "bin/python\(version)").map { ($0, "uv") }
        return result
    }

    /// Runs `python --version` and returns "3.12.4".
    private func probe(_ url: URL) async -> String? {
        guard let output = try? await runner.run(url.path, ["--version"]), output.succeeded else { return nil }
        let text = (output.stdout + output.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("Python ") else { return nil }
        return String(text.dropFirst("Python ".count))
    }
}
