// npm workspaces: a function folder that is a member of a workspace declared higher up.
import Foundation

/// The npm workspace a function's folder belongs to: the nearest folder above it whose
/// `package.json` declares `workspaces` (a list of folders or `dir/*` / `dir/**` patterns, or
/// `{"packages": [...]}`) matching the function's folder.
///
/// A member depends on its sibling members by name and version (`"greeting": "1.0.0"`), which npm
/// resolves inside the workspace, never from the registry. Ferry builds a member in a staging copy
/// outside the workspace, so such dependencies are treated as local `file:` dependencies of the
/// member's folder (their files in the build key, installed from their folder), and the
/// workspace's lock file is part of the build key.
struct NpmWorkspace: Sendable, Hashable {
    /// The workspace root (the folder with the declaring `package.json`).
    let root: String
    /// Member folders by package name.
    let members: [String: String]

    /// How many folders above a function's folder are searched.
    static let searchDepth = 6

    /// The workspace `folder` is a member of, if any.
    static func containing(_ folder: String) -> NpmWorkspace? {
        let member = URL(fileURLWithPath: folder).standardizedFileURL.path
        var current = URL(fileURLWithPath: member).deletingLastPathComponent()
        for _ in 0..<searchDepth {
            if let patterns = patterns(in: current.path) {
                let folders = expand(patterns, root: current.path)
                guard folders.contains(member) else { return nil }
                var members: [String: String] = [:]
                for candidate in folders {
                    if let name = packageName(in: candidate) { members[name] = candidate }
                }
                return NpmWorkspace(root: current.path, members: members)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return nil
    }

    /// The workspace's lock file (`package-lock.json` or `npm-shrinkwrap.json`), if any.
    var lockFile: String? {
        NpmInstall.lockFiles.map { joinPath(root, $0) }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The sibling members that `packageFolder`'s `package.json` depends on (any dependency section)
    /// without a `file:` spec, by name.
    func siblingDependencies(of packageFolder: String) -> [LocalDependency] {
        guard let object = Self.manifest(in: packageFolder) else { return [] }
        var names: Set<String> = []
        for section in ["dependencies", "optionalDependencies", "devDependencies"] {
            for (name, spec) in object[section] as? [String: Any] ?? [:] {
                guard let spec = spec as? String, !spec.hasPrefix("file:"), members[name] != nil else { continue }
                names.insert(name)
            }
        }
        return names.sorted().compactMap { name in members[name].map { LocalDependency(name: name, folder: $0) } }
    }

    /// `workspaces` of the `package.json` in `folder`.
    private static func patterns(in folder: String) -> [String]? {
        guard let object = manifest(in: folder) else { return nil }
        if let list = object["workspaces"] as? [String] { return list }
        if let table = object["workspaces"] as? [String: Any], let list = table["packages"] as? [String] { return list }
        return nil
    }

    /// Folders matched by the patterns (`a/b`, `a/*`, `a/**`) that hold a `package.json`.
    private static func expand(_ patterns: [String], root: String) -> Set<String> {
        var result: Set<String> = []
        let manager = FileManager.default
        for pattern in patterns {
            let trimmed = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
            var candidates: [String] = []
            if trimmed.hasSuffix("/**") || trimmed.hasSuffix("/*") {
                let recursive = trimmed.hasSuffix("/**")
                let base = joinPath(root, String(trimmed.dropLast(recursive ? 3 : 2)))
                if recursive {
                    let walk = manager.enumerator(atPath: base)?.allObjects as? [String] ?? []
                    candidates = walk.filter { !$0.split(separator: "/").contains("node_modules") }.map { joinPath(base, $0) }
                } else {
                    candidates = (try? manager.contentsOfDirectory(atPath: base))?.map { joinPath(base, $0) } ?? []
                }
            } else {
                candidates = [joinPath(root, trimmed)]
            }
            for candidate in candidates where manager.fileExists(atPath: joinPath(candidate, "package.json")) {
                result.insert(URL(fileURLWithPath: candidate).standardizedFileURL.path)
            }
        }
        return result
    }

    private static func packageName(in folder: String) -> String? {
        manifest(in: folder)?["name"] as? String
    }

    private static func manifest(in folder: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: joinPath(folder, "package.json")) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
