// Interpreter choices kept between runs, so an unchanged machine starts no interpreter probe.
import Crypto
import Foundation

/// The interpreters earlier runs chose (`.ferry/interpreters.json`), each with a fingerprint of
/// everything that decided it: the target version, the environment variables version managers
/// read, the candidate executables' files, pyenv's version files, and the chosen executable and
/// its site-packages folders (where pip, setuptools and wheel are installed). A choice is reused
/// only while its fingerprint holds, which takes `stat` calls, never a process.
struct StoredInterpreterChoices: Sendable {
    /// The JSON file; nil keeps nothing between runs.
    let file: String?
    /// False for `--clean`: choices are probed again (and stored for the next run).
    let reads: Bool

    /// One stored choice.
    struct Entry: Codable, Sendable, Equatable {
        var path: String
        var version: String
        var isExact: Bool
        var hasBuildTools: Bool
        var buildTools: String
        var sitePackages: [String]
        var fingerprint: String
    }

    /// The variables that decide which interpreter a name runs (PATH, pyenv, asdf, uv, venvs).
    static let variables = ["PATH", "HOME", "PYENV_ROOT", "PYENV_VERSION", "ASDF_DATA_DIR", "ASDF_PYTHON_VERSION",
                            "UV_PYTHON_INSTALL_DIR", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "PYTHONUSERBASE"]

    /// The stored choice for `version` when nothing that decided it changed; nil otherwise.
    func choice(version: String, environment: [String: String], candidates: [String]) -> PythonChoice? {
        guard reads, let entry = entries()[version],
              entry.fingerprint == Self.fingerprint(version: version, environment: environment, candidates: candidates,
                                                    chosen: entry.path, sitePackages: entry.sitePackages)
        else { return nil }
        return PythonChoice(path: entry.path, version: entry.version, isExact: entry.isExact,
                            hasBuildTools: entry.hasBuildTools, buildTools: entry.buildTools)
    }

    /// Records `choice` for `version` (written atomically; a failure only means the next run probes again).
    func store(_ choice: PythonChoice, sitePackages: [String], version: String, environment: [String: String],
               candidates: [String]) {
        guard let file else { return }
        var entries = entries()
        entries[version] = Entry(
            path: choice.path, version: choice.version, isExact: choice.isExact, hasBuildTools: choice.hasBuildTools,
            buildTools: choice.buildTools, sitePackages: sitePackages,
            fingerprint: Self.fingerprint(version: version, environment: environment, candidates: candidates,
                                          chosen: choice.path, sitePackages: sitePackages))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(entries) else { return }
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let temporary = "\(file).\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, file) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    private func entries() -> [String: Entry] {
        guard let file, let data = FileManager.default.contents(atPath: file) else { return [:] }
        return (try? JSONDecoder().decode([String: Entry].self, from: data)) ?? [:]
    }

    /// The SHA-256 of what decides a choice: the variables, and the size, modification time and
    /// inode of each candidate, the chosen executable, its site-packages folders, pyenv's global
    /// `version` file and every `.python-version` from the working folder up.
    static func fingerprint(version: String, environment: [String: String], candidates: [String], chosen: String,
                            sitePackages: [String]) -> String {
        var lines = ["version \(version)"]
        for name in variables { lines.append("env \(name)=\(environment[name] ?? "-")") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        var files = candidates + [chosen] + sitePackages + [joinPath(environment["PYENV_ROOT"] ?? "\(home)/.pyenv", "version")]
        var folder = FileManager.default.currentDirectoryPath
        while !folder.isEmpty {
            files.append(joinPath(folder, ".python-version"))
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        for path in files { lines.append("file \(path) \(stamp(path))") }
        return SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `size mtime inode` of the file `path` names (links followed), or `-` when there is none.
    static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
