// What a builder is asked to build.
import Foundation
import Templates

/// One function or layer to build: where its source is and how it runs.
public struct BuildRequest: Sendable, Hashable {
    /// Whether the artifact is a function's code or a layer's content.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `AWS::Serverless::Function` / `AWS::Lambda::Function` code.
        case function
        /// `AWS::Serverless::LayerVersion` / `AWS::Lambda::LayerVersion` content.
        case layer
    }

    /// The logical ID the build is named after (the first resource sharing it).
    public var logicalID: LogicalID
    /// The stack path of that resource (`Root/Pattern2Stack`).
    public var stackPath: String
    /// Function or layer.
    public var kind: Kind
    /// The source: the `CodeUri`/`ContentUri` folder, or the `.zip` file for a prebuilt artifact.
    public var source: URL
    /// The folder of the template that declares the resource (relative requirement paths resolve here).
    public var templateFolder: URL
    /// The runtime (`python3.12`, `nodejs20.x`, `provided.al2023`); for a layer, its `BuildMethod`
    /// runtime or first `CompatibleRuntimes`; empty when there is none.
    public var runtime: String
    /// `x86_64` or `arm64`.
    public var architecture: String
    /// `Metadata.BuildMethod`, when set.
    public var buildMethod: String?
    /// The `[build.commands]` shell command for this logical ID, when set.
    public var command: String?
    /// The environment builder processes start with (`PATH` finds the tools).
    public var environment: [String: String]

    /// A build request.
    public init(logicalID: LogicalID, stackPath: String, kind: Kind, source: URL, templateFolder: URL,
                runtime: String, architecture: String, buildMethod: String? = nil, command: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.logicalID = logicalID
        self.stackPath = stackPath
        self.kind = kind
        self.source = source
        self.templateFolder = templateFolder
        self.runtime = runtime
        self.architecture = architecture
        self.buildMethod = buildMethod
        self.command = command
        self.environment = environment
    }

    /// `Root/Pattern2Stack/OCRFunction`: the resource's full name in messages.
    public var qualifiedName: String { "\(stackPath)/\(logicalID)" }
}
