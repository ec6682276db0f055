// Which builder handles which runtime.
import Foundation
import Toolchains

/// The builders a plan chooses from: one per runtime family plus the Makefile, custom-command,
/// prebuilt-zip and copy builders. Replace any of them (tests use fakes).
package struct BuilderCatalog: Sendable {
    /// Builds `python3.x` functions and layers; nil when no Python builder is available.
    package var python: (any FunctionBuilder)?
    /// Builds `nodejs*.x` functions and layers.
    package var nodejs: (any FunctionBuilder)?
    /// `Metadata.BuildMethod: makefile`.
    package var makefile: any FunctionBuilder
    /// `Metadata.BuildMethod: esbuild` (Node.js functions bundled with esbuild).
    package var esbuild: any FunctionBuilder
    /// Makes the builder of one `[build.commands]` entry.
    package var customCommand: @Sendable (String) -> any FunctionBuilder
    /// `CodeUri`/`ContentUri` naming a `.zip` file.
    package var prebuiltZip: any FunctionBuilder
    /// Layers without `BuildMethod` (packaged as they are).
    package var folderCopy: any FunctionBuilder

    /// A catalog; every builder but Python has a default using `environment`.
    package init(python: (any FunctionBuilder)? = nil, nodejs: (any FunctionBuilder)? = nil,
                makefile: (any FunctionBuilder)? = nil,
                esbuild: (any FunctionBuilder)? = nil,
                customCommand: (@Sendable (String) -> any FunctionBuilder)? = nil,
                prebuiltZip: any FunctionBuilder = PrebuiltZipBuilder(),
                folderCopy: any FunctionBuilder = FolderCopyBuilder(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.python = python
        self.nodejs = nodejs ?? NodeBuilder(environment: environment)
        self.makefile = makefile ?? MakefileBuilder(environment: environment)
        self.esbuild = esbuild ?? EsbuildBuilder(environment: environment)
        self.customCommand = customCommand ?? { CustomCommandBuilder(command: $0, environment: environment) }
        self.prebuiltZip = prebuiltZip
        self.folderCopy = folderCopy
    }

    /// Ferry's own builders for the project at `projectRoot` (pip's cache and local packages' wheels
    /// under `.ferry/`), whose tools see `environment`; with `clean` (`--clean`), wheels stored by
    /// earlier runs are built again.
    package static func standard(projectRoot: String,
                                environment: [String: String] = ProcessInfo.processInfo.environment,
                                clean: Bool = false) -> BuilderCatalog {
        BuilderCatalog(python: PythonBuilder(projectRoot: projectRoot, environment: environment, clean: clean),
                       nodejs: NodeBuilder(environment: environment, dependencyTreeFolder: joinPath(projectRoot, ".ferry/deps"),
                                           clean: clean),
                       environment: environment)
    }

    /// The builder for `runtime` (`python3.12`, `nodejs20.x`), or nil when there is none.
    package func builder(forRuntime runtime: String) -> (any FunctionBuilder)? {
        switch LambdaRuntime(runtime) {
        case .python: python
        case .nodejs: nodejs
        case .provided, .other: nil
        }
    }

    /// What can be built, for error messages.
    package var supportedDescription: String {
        var runtimes: [String] = []
        if python != nil { runtimes.append("python3.x") }
        if nodejs != nil { runtimes.append("nodejs*.x") }
        runtimes.append("nodejs*.x with Metadata BuildMethod: esbuild")
        runtimes.append("any runtime with Metadata BuildMethod: makefile or a [build.commands] entry in ferry.toml")
        return runtimes.joined(separator: ", ")
    }
}
