// Which builder handles which runtime.
import Foundation
import Toolchains

/// The builders a plan chooses from: one per runtime family plus the Makefile, custom-command,
/// prebuilt-zip and copy builders. Replace any of them (tests use fakes).
public struct BuilderCatalog: Sendable {
    /// Builds `python3.x` functions and layers; nil when no Python builder is available.
    public var python: (any FunctionBuilder)?
    /// Builds `nodejs*.x` functions and layers.
    public var nodejs: (any FunctionBuilder)?
    /// `Metadata.BuildMethod: makefile`.
    public var makefile: any FunctionBuilder
    /// `Metadata.BuildMethod: esbuild` (Node.js functions bundled with esbuild).
    public var esbuild: any FunctionBuilder
    /// Makes the builder of one `[build.commands]` entry.
    public var customCommand: @Sendable (String) -> any FunctionBuilder
    /// `CodeUri`/`ContentUri` naming a `.zip` file.
    public var prebuiltZip: any FunctionBuilder
    /// Layers without `BuildMethod` (packaged as they are).
    public var folderCopy: any FunctionBuilder

    /// A catalog; every builder but Python has a default using `environment`.
    public init(python: (any FunctionBuilder)? = nil, nodejs: (any FunctionBuilder)? = nil,
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
    public static func standard(projectRoot: String,
                                environment: [String: String] = ProcessInfo.processInfo.environment,
                                clean: Bool = false) -> BuilderCatalog {
        BuilderCatalog(python: PythonBuilder(projectRoot: projectRoot, environment: environment, clean: clean),
                       environment: environment)
    }

    /// The builder for `runtime` (`python3.12`, `nodejs20.x`), or nil when there is none.
    public func builder(forRuntime runtime: String) -> (any FunctionBuilder)? {
        switch LambdaRuntime(runtime) {
        case .python: python
        case .nodejs: nodejs
        case .provided, .other: nil
        }
    }

    /// What can be built, for error messages.
    public var supportedDescription: String {
        var runtimes: [String] = []
        if python != nil { runtimes.append("python3.x") }
        if nodejs != nil { runtimes.append("nodejs*.x") }
        runtimes.append("nodejs*.x with Metadata BuildMethod: esbuild")
        runtimes.append("any runtime with Metadata BuildMethod: makefile or a [build.commands] entry in ferry.toml")
        return runtimes.joined(separator: ", ")
    }
}
