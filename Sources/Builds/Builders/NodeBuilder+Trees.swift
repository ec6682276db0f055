// Node.js `node_modules` trees installed once per lock file and shared by every function with the same key.
import Crypto
import Foundation
import Synchronization

extension NodeBuilder {
    /// The npm flags a shared tree is installed with (part of its key).
    static let treeInstallFlags = "ci --omit=dev --no-audit --no-fund --install-links"

    /// Whether `source` can use a shared tree: a `package.json` with a lock file of its own, and
    /// not an npm workspace member (members are installed in their copy, as before).
    static func usesSharedTree(source: String) -> Bool {
        FileManager.default.fileExists(atPath: joinPath(source, "package.json"))
            && NpmInstall.lockFiles.contains { FileManager.default.fileExists(atPath: joinPath(source, $0)) }
            && NpmWorkspace.containing(source) == nil
    }

    /// The stored `node_modules` tree of the request's lock file, installed (`npm ci --omit=dev`
    /// in the tree's own folder, `file:` specs resolved against the source folder) when no build
    /// installed that key before.
    func dependencyTree(_ request: BuildRequest, store: DependencyTreeStore, tools: ToolRunner) async throws
        -> DependencyTreeStore.Entry {
        let lines = try await treeKeyLines(request, tools: tools)
        let text = lines.map { $0.replacingOccurrences(of: "\n", with: "\\n") }.joined(separator: "\n")
        let key = SHA256Digest(SHA256.hash(data: Data(text.utf8))).hex
        let manifests = ["package.json", ".npmrc"] + NpmInstall.lockFiles
        return try await store.tree(key: key, lines: lines) { tree in
            try POSIX.makeDirectories(tree)
            for name in manifests where FileManager.default.fileExists(atPath: joinPath(request.sourceFolder, name)) {
                try FileManager.default.copyItem(atPath: joinPath(request.sourceFolder, name), toPath: joinPath(tree, name))
            }
            try await NpmInstall(folder: tree, sourceFolder: request.sourceFolder)
                .run(tools: tools, production: true, resource: request.qualifiedName)
            for name in manifests { try? FileManager.default.removeItem(atPath: joinPath(tree, name)) }
        }
    }

    /// What decides the installed tree: the manifests' bytes (`package.json`, the lock file,
    /// `.npmrc`), each local `file:` dependency's files, node's and npm's versions, the
    /// architecture, npm's flags and settings (`NPM_CONFIG_*`, the request's extra environment).
    /// Never a path of this machine.
    func treeKeyLines(_ request: BuildRequest, tools: ToolRunner) async throws -> [String] {
        var lines = ["ferry-node-deps 1", "architecture \(request.architecture)", "flags \(Self.treeInstallFlags)"]
        lines.append("tools " + (try await toolVersions(tools, resource: request.qualifiedName)))
        for name in ["package.json", ".npmrc"] + NpmInstall.lockFiles {
            let path = joinPath(request.sourceFolder, name)
            if FileManager.default.fileExists(atPath: path) { lines.append("file \(name) \(try FileHasher.sha256(ofFile: path).hex)") }
        }
        for dependency in try Self.localDependencies(packageFolder: request.sourceURL) {
            let files = try await FileHasher.hash(FileTree.scan(dependency.folder, rules: Self.rules))
            let listing = files.sorted { $0.entry.relativePath < $1.entry.relativePath }
                .map { "\($0.sha256.hex) \($0.entry.isExecutable ? "x" : "-") \($0.entry.relativePath)" }.joined(separator: "\n")
            lines.append("local \(dependency.name) \(SHA256Digest(SHA256.hash(data: Data(listing.utf8))).hex)")
        }
        let environment = tools.environment
        for name in environment.keys.sorted()
        where name.uppercased().hasPrefix("NPM_CONFIG_") || request.environment[name] != nil {
            lines.append("env \(name)=\(environment[name]!)")
        }
        return lines
    }

    /// `node v20.1.0 npm 10.8.2`, found once per builder (`node --version`; npm's from its files).
    private func toolVersions(_ tools: ToolRunner, resource: String) async throws -> String {
        if let known = versions.value.withLock({ $0 }) { return known }
        let hint = "Install Node.js and npm (https://nodejs.org) or set a [build.commands] entry."
        let node = try? tools.locate("node", for: resource, hint: hint)
        let npm = try tools.locate("npm", for: resource, hint: hint)
        let folder = FileManager.default.temporaryDirectory.path
        let nodeVersion = if let node { try await tools.run(node, ["--version"], in: folder, shownAs: "node --version",
                                                             resource: resource).stdout } else { "-" }
        let npmVersion = if let known = Self.npmVersion(npm) { known }
            else { try await tools.run(npm, ["--version"], in: folder, shownAs: "npm --version", resource: resource).stdout }
        let text = "node \(nodeVersion.trimmingCharacters(in: .whitespacesAndNewlines)) "
            + "npm \(npmVersion.trimmingCharacters(in: .whitespacesAndNewlines))"
        versions.value.withLock { $0 = text }
        return text
    }
}

extension NodeBuilder {
    /// npm's version read from its own `package.json` (`npm` links to `…/npm/bin/npm-cli.js`), so
    /// that finding it runs no npm; nil when it is laid out otherwise.
    static func npmVersion(_ npm: String) -> String? {
        guard let real = POSIX.realPath(npm) else { return nil }
        var folder = (real as NSString).deletingLastPathComponent
        for _ in 0..<3 {
            let manifest = joinPath(folder, "package.json")
            if let data = FileManager.default.contents(atPath: manifest),
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               object["name"] as? String == "npm", let version = object["version"] as? String {
                return version
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }
}

/// node's and npm's versions, found once per builder (they are part of every tree key).
final class NodeToolVersions: Sendable {
    let value = Mutex<String?>(nil)
}
