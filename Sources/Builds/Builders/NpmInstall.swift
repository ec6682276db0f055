// Installing a Node.js package's dependencies in a staging copy, with local `file:` paths intact.
import Foundation

/// Runs npm in a staging copy of a package as if it ran in the package's own folder.
///
/// A `file:../lib` dependency is relative to the package's folder, not to the copy, so before npm
/// runs, every relative `file:` spec in `package.json` (all dependency sections) and in the lock file
/// (`package-lock.json` or `npm-shrinkwrap.json`: `file:` specs, link targets and `packages` keys)
/// is made absolute against the source folder. Afterwards the original manifests are written back
/// (so the zip has what the user wrote, whatever the machine's folders) and npm's
/// `node_modules/.package-lock.json`, which records absolute paths, is removed (as SAM does).
/// A workspace member's dependencies on sibling members (`NpmWorkspace`) become `file:` specs of
/// their folders the same way. With a lock file npm runs `npm ci`, else `npm install`.
struct NpmInstall: Sendable {
    /// The copy's folder (holding `package.json`).
    let folder: String
    /// The package's own folder, which relative `file:` specs are relative to.
    let sourceFolder: String

    /// The lock files npm honours, in its order of preference.
    static let lockFiles = ["npm-shrinkwrap.json", "package-lock.json"]

    /// Whether the copy has a lock file.
    var hasLock: Bool { Self.lockFiles.contains { FileManager.default.fileExists(atPath: joinPath(folder, $0)) } }

    /// Installs with `tools`; `production` omits dev dependencies.
    func run(tools: ToolRunner, production: Bool, resource: String) async throws {
        let npm = try tools.locate("npm", for: resource,
                                   hint: "Install Node.js and npm (https://nodejs.org) or set a [build.commands] entry.")
        var arguments = [hasLock ? "ci" : "install"]
        if production { arguments.append("--omit=dev") }
        arguments += ["--no-audit", "--no-fund", "--install-links"]
        let members = NpmWorkspace.containing(sourceFolder)?.siblingDependencies(of: sourceFolder) ?? []
        let originals = try rewriteLocalPaths(workspaceMembers: Dictionary(uniqueKeysWithValues: members.map { ($0.name, $0.folder) }))
        defer { for (path, data) in originals { try? data.write(to: URL(fileURLWithPath: path)) } }
        try await tools.run(npm, arguments, in: folder, shownAs: "npm " + arguments.joined(separator: " "),
                            resource: resource)
        try? FileManager.default.removeItem(atPath: joinPath(folder, "node_modules/.package-lock.json"))
    }

    /// Rewrites the manifests that name relative local paths; returns the original bytes by path.
    private func rewriteLocalPaths(workspaceMembers: [String: String]) throws -> [String: Data] {
        var originals: [String: Data] = [:]
        for name in ["package.json"] + Self.lockFiles {
            let path = joinPath(folder, name)
            guard let data = FileManager.default.contents(atPath: path),
                  let object = try? JSONSerialization.jsonObject(with: data) else { continue }
            var changed = false
            var rewritten = absolutized(object, isLock: name != "package.json", key: nil, changed: &changed)
            if name == "package.json", !workspaceMembers.isEmpty, var manifest = rewritten as? [String: Any] {
                for section in ["dependencies", "optionalDependencies", "devDependencies"] {
                    guard var table = manifest[section] as? [String: Any] else { continue }
                    for (member, folder) in workspaceMembers where table[member] != nil {
                        table[member] = "file:" + folder
                        changed = true
                    }
                    manifest[section] = table
                }
                rewritten = manifest
            }
            guard changed else { continue }
            let output = try JSONSerialization.data(withJSONObject: rewritten, options: [.sortedKeys])
            originals[path] = data
            try output.write(to: URL(fileURLWithPath: path))
        }
        return originals
    }

    private func absolutized(_ value: Any, isLock: Bool, key: String?, changed: inout Bool) -> Any {
        if let text = value as? String {
            if text.hasPrefix("file:"), !text.hasPrefix("file:/") {
                changed = true
                return "file:" + absolute(String(text.dropFirst(5)))
            }
            if isLock, key == "resolved", text.hasPrefix(".") {
                changed = true
                return absolute(text)
            }
            return text
        }
        if let list = value as? [Any] { return list.map { absolutized($0, isLock: isLock, key: nil, changed: &changed) } }
        guard let map = value as? [String: Any] else { return value }
        var result: [String: Any] = [:]
        for (name, item) in map {
            var renamed = name
            if isLock, key == "packages", name.hasPrefix(".") {
                renamed = absolute(name)
                changed = true
            }
            result[renamed] = absolutized(item, isLock: isLock, key: name, changed: &changed)
        }
        return result
    }

    /// `path` made absolute against the source folder (absolute paths unchanged).
    private func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: joinPath(sourceFolder, path)).standardizedFileURL.path
    }
}
