// Which builder handles which runtime.
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
    /// `[build.commands]` entries.
    public var customCommand: any FunctionBuilder
    /// `CodeUri`/`ContentUri` naming a `.zip` file.
    public var prebuiltZip: any FunctionBuilder
    /// Layers without `BuildMethod` (packaged as they are).
    public var folderCopy: any FunctionBuilder

    /// A catalog; every builder has a default.
    public init(python: (any FunctionBuilder)? = nil, nodejs: (any FunctionBuilder)? = NodeBuilder(),
                makefile: any FunctionBuilder = MakefileBuilder(),
                customCommand: any FunctionBuilder = CustomCommandBuilder(),
                prebuiltZip: any FunctionBuilder = PrebuiltZipBuilder(),
                folderCopy: any FunctionBuilder = FolderCopyBuilder()) {
        self.python = python
        self.nodejs = nodejs
        self.makefile = makefile
        self.customCommand = customCommand
        self.prebuiltZip = prebuiltZip
        self.folderCopy = folderCopy
    }

    /// Ferry's own builders.
    public static var standard: BuilderCatalog { BuilderCatalog() }

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
        runtimes.append("any runtime with Metadata BuildMethod: makefile or a [build.commands] entry in ferry.toml")
        return runtimes.joined(separator: ", ")
    }
}
