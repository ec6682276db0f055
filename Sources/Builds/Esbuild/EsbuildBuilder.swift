// `Metadata: BuildMethod: esbuild`: SAM's TypeScript/JavaScript bundling.
import Foundation
import Toolchains

/// Bundles a Node.js function with esbuild, as `sam build` does for `BuildMethod: esbuild`:
/// 1. copies the source folder (without `node_modules`) to a scratch folder;
/// 2. when it has a `package.json`, installs its dependencies there with npm (`npm ci` with a lock
///    file), `file:` dependencies resolved against the source folder (`NpmInstall`);
/// 3. runs `esbuild <flags> --outdir=<staging> <entry points>` in the scratch folder, flags from
///    `Metadata.BuildProperties` (`EsbuildOptions`). The output is esbuild's: `app.ts` → `app.js`
///    (and `app.js.map` with `Sourcemap: true`), what SAM zips.
///
/// esbuild is looked for in the scratch folder's `node_modules/.bin` (a dependency of the function),
/// then the source folder's `node_modules/.bin`, then `PATH` (Debian: `apt-get install esbuild`).
/// The key covers the source files (lock files included), local `file:` dependencies and the flags.
package struct EsbuildBuilder: FunctionBuilder {
    /// `nodejs-esbuild`.
    package var builderName: String { "nodejs-esbuild" }
    /// Bumped when the output for the same inputs changes.
    package var builderVersion: String { "1" }
    /// The environment npm and esbuild run with.
    package let environment: [String: String]

    /// How to install esbuild, for messages and `ferry doctor`.
    package static let installHint = "Install esbuild: `npm install --save-dev esbuild` in the function's folder, "
        + "or on PATH (`npm install -g esbuild`, or on Debian/Ubuntu `apt-get install esbuild`)."

    /// An esbuild builder whose tools see `environment`.
    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Source files, local `file:` dependencies and esbuild's flags.
    package func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        let options = try Self.options(request)
        var inputs = try await BuildKeyInputs.gather(
            builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
            architecture: request.architecture, parameters: ["esbuild": options.keyText],
            sourceFolder: request.sourceFolder,
            localDependencies: NodeBuilder.localDependencies(packageFolder: request.sourceURL), rules: NodeBuilder.rules)
        for (key, value) in request.environment { inputs.parameters["env " + key] = value }
        for (key, value) in try NodeBuilder.workspaceParameters(packageFolder: request.sourceFolder) { inputs.parameters[key] = value }
        return inputs
    }

    /// The source folder and its local dependencies.
    package func inputPaths(for request: BuildRequest) throws -> [String] {
        [request.sourceFolder] + (try NodeBuilder.localDependencies(packageFolder: request.sourceURL)).map(\.folder)
    }

    /// Installs dependencies and bundles.
    package func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        let options = try Self.options(request)
        let scratch = joinPath(workFolder, "source")
        try POSIX.makeDirectories(scratch)
        try FolderCopy.copy(FileTree.scan(request.sourceFolder, rules: NodeBuilder.rules), to: scratch)
        let staging = try ToolRunner.makeStaging(in: workFolder)
        let tools = ToolRunner(environment: environment.merging(request.environment) { $1 })
        if FileManager.default.fileExists(atPath: joinPath(scratch, "package.json")) {
            try await NpmInstall(folder: scratch, sourceFolder: request.sourceFolder)
                .run(tools: tools, production: false, resource: request.qualifiedName)
        }
        let esbuild = try locate(tools: tools, scratch: scratch, request: request)
        var entries: [String] = []
        for entry in options.entryPoints {
            guard let found = Self.entryFile(entry, in: scratch) else {
                throw BuilderError(.missingEntryPoint(resource: request.qualifiedName, entry: entry,
                                                      folder: request.sourceFolder))
            }
            entries.append(found)
        }
        let arguments = options.flags + ["--outdir=\(staging)"] + entries
        try await tools.run(esbuild, arguments, in: scratch,
                            shownAs: "esbuild " + (options.flags + ["--outdir=<artifacts>"] + entries).joined(separator: " "),
                            resource: request.qualifiedName)
        let notes = options.unusedKeys.map { "Metadata.BuildProperties.\($0) is not an esbuild setting Ferry uses; it was ignored." }
        return StagedBuild(folder: staging, notes: notes)
    }

    /// The request's options (the planner has validated them).
    static func options(_ request: BuildRequest) throws -> EsbuildOptions {
        do {
            return try EsbuildOptions(properties: request.buildProperties)
        } catch {
            throw BuilderError(.badBuildProperties(resource: request.qualifiedName, detail: error.description))
        }
    }

    /// The entry as written when it has an extension, else with `.ts` or `.js` (SAM's order); nil when missing.
    static func entryFile(_ entry: String, in folder: String) -> String? {
        let manager = FileManager.default
        if !(entry as NSString).pathExtension.isEmpty {
            return manager.fileExists(atPath: joinPath(folder, entry)) ? entry : nil
        }
        return [".ts", ".js"].map { entry + $0 }.first { manager.fileExists(atPath: joinPath(folder, $0)) }
    }

    private func locate(tools: ToolRunner, scratch: String, request: BuildRequest) throws -> String {
        for folder in [scratch, request.sourceFolder] {
            let candidate = joinPath(folder, "node_modules/.bin/esbuild")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return try tools.locate("esbuild", for: request.qualifiedName, hint: Self.installHint)
    }
}
