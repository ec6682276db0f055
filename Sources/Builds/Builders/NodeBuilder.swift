// Node.js functions and layers: production dependencies installed with npm.
import Foundation

/// Builds Node.js code: copies the source (without `node_modules`) to the staging folder and runs
/// `npm ci --omit=dev` there when a lock file exists (`package-lock.json` or
/// `npm-shrinkwrap.json`), otherwise `npm install --omit=dev`, with local `file:` dependencies
/// resolved against the source folder, not the copy (`NpmInstall`). A folder without `package.json`
/// is copied as is. Layers are staged under `nodejs/`, where Lambda looks for layer modules.
/// With a lock file (and `dependencyTrees`), `node_modules` is a shared tree installed once per
/// lock file key (`NodeBuilder+Trees`), so a handler edit runs no npm.
///
/// The key covers every source file (lock files included) and the files of each local `file:`
/// dependency named in `dependencies` of `package.json`.
package struct NodeBuilder: FunctionBuilder {
    /// `nodejs-npm`.
    package var builderName: String { "nodejs-npm" }
    /// Bumped when the output for the same inputs changes.
    package var builderVersion: String { "2" }
    /// The environment npm runs with (its `PATH` finds npm).
    package let environment: [String: String]
    /// Installed `node_modules` trees, one per lock file key (`.ferry/deps/<key>/`), shared by every
    /// function with the same key; nil: each build installs in its own copy.
    package let dependencyTrees: DependencyTreeStore?
    let versions = NodeToolVersions()

    /// The ignore rules for Node.js sources: `always` plus the top-level `node_modules/`.
    package static let rules = IgnoreRules.always.appending(contentsOf: "/node_modules/")

    /// A Node.js builder whose tools see `environment`, sharing installed trees in
    /// `dependencyTreeFolder` when given (with `clean`, earlier runs' trees are installed again).
    package init(environment: [String: String] = ProcessInfo.processInfo.environment,
                dependencyTreeFolder: String? = nil, clean: Bool = false) {
        self.environment = environment
        self.dependencyTrees = dependencyTreeFolder.map { DependencyTreeStore(folder: $0, reusesStoredTrees: !clean) }
    }

    /// Source files plus local `file:` dependencies.
    package func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        var inputs = try await BuildKeyInputs.gather(
            builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
            architecture: request.architecture, parameters: ["kind": request.kind.rawValue],
            sourceFolder: request.sourceFolder,
            localDependencies: Self.localDependencies(packageFolder: request.sourceURL), rules: Self.rules)
        for (key, value) in request.environment { inputs.parameters["env " + key] = value }
        for (key, value) in try Self.workspaceParameters(packageFolder: request.sourceFolder) { inputs.parameters[key] = value }
        return inputs
    }

    /// Copies the source and installs production dependencies with npm.
    package func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        let staging = try ToolRunner.makeStaging(in: workFolder)
        let target = request.kind == .layer ? joinPath(staging, "nodejs") : staging
        try POSIX.makeDirectories(target)
        try FolderCopy.copy(FileTree.scan(request.sourceFolder, rules: Self.rules), to: target)
        guard FileManager.default.fileExists(atPath: joinPath(target, "package.json")) else { return StagedBuild(folder: staging) }
        let tools = ToolRunner(environment: environment.merging(request.environment) { $1 })
        if let store = dependencyTrees, Self.usesSharedTree(source: request.sourceFolder) {
            let tree = try await dependencyTree(request, store: store, tools: tools)
            DependencyUseLog.record([tree.tree], for: request, dependencyTrees: store.folder)
            return StagedBuild(folder: staging, parts: [ArchivePart(zipPath: tree.entriesZip, folder: tree.tree,
                                                                    prefix: request.kind == .layer ? "nodejs/" : "")])
        }
        try await NpmInstall(folder: target, sourceFolder: request.sourceFolder)
            .run(tools: tools, production: true, resource: request.qualifiedName)
        return StagedBuild(folder: staging)
    }

    /// The `file:` entries of `dependencies` in `<packageFolder>/package.json`, resolved against the
    /// folder, and, when the folder is an npm workspace member, the sibling members it depends on.
    package static func localDependencies(packageFolder: URL) throws -> [LocalDependency] {
        let siblings = NpmWorkspace.containing(packageFolder.path)?.siblingDependencies(of: packageFolder.path) ?? []
        return try fileDependencies(packageFolder: packageFolder) + siblings
    }

    /// Build key parameters of an npm workspace member: the workspace's lock file's SHA-256.
    static func workspaceParameters(packageFolder: String) throws -> [String: String] {
        guard let lock = NpmWorkspace.containing(packageFolder)?.lockFile else { return [:] }
        return ["npm workspace lock": try FileHasher.sha256(ofFile: lock).hex]
    }

    private static func fileDependencies(packageFolder: URL) throws -> [LocalDependency] {
        let file = packageFolder.appendingPathComponent("package.json")
        guard let data = FileManager.default.contents(atPath: file.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let dependencies = object["dependencies"] as? [String: Any] else { return [] }
        return dependencies.keys.sorted().compactMap { key -> LocalDependency? in
            guard let spec = dependencies[key] as? String, spec.hasPrefix("file:") else { return nil }
            let path = String(spec.dropFirst(5))
            let folder = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : packageFolder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            return LocalDependency(name: key, folder: folder.standardizedFileURL.path)
        }
    }
}
