import Foundation

/// Finds executables on `PATH` and in the version managers' folders (pyenv, asdf, uv).
package struct ExecutableLocator: Sendable {
    package let environment: [String: String]

    package init(environment: [String: String]) {
        self.environment = environment
    }

    /// The first executable named `name` on `PATH`, if any.
    package func onPath(_ name: String) -> URL? {
        if name.contains("/") {
            return isExecutable(name) ? URL(fileURLWithPath: name) : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if isExecutable(candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    /// Executables `binary` inside sub-folders of `root` whose names start with `prefix`,
    /// newest version first (`~/.pyenv/versions/3.12.4/bin/python3.12`).
    package func inVersionFolders(root: String, prefix: String, binary: String) -> [URL] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return entries
            .filter { $0.hasPrefix(prefix) }
            .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "\(root)/\($0)/\(binary)" }
            .filter(isExecutable)
            .map { URL(fileURLWithPath: $0) }
    }

    /// The home folder from the environment.
    package var home: String { environment["HOME"] ?? NSHomeDirectory() }

    private func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: path)
    }
}
