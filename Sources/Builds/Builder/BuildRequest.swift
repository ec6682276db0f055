// What a builder is asked to build.
import Templates

/// One function or layer to build: where its code is, what it runs on, and which template declares it.
///
/// Paths are absolute. `templateFolder` matters for Python: pip resolves relative paths in
/// `requirements.txt` against its working folder, and SAM runs pip in the folder of the template that
/// declares the function, so `../../lib/pkg` in a nested template is relative to that template.
public struct BuildRequest: Sendable, Hashable {
    /// Whether the artifact is a function's code or a layer's content.
    public enum Kind: String, Sendable, Hashable {
        /// A function: files at the root of the zip.
        case function
        /// A layer: files under the runtime's folder (`python/` for Python).
        case layer
    }

    /// The resource's logical ID in its template.
    public var logicalID: LogicalID
    /// The stack path (`Root`, `Root/PatternStack`), for messages and events.
    public var stackPath: String
    /// Function or layer.
    public var kind: Kind
    /// The folder named by `CodeUri` / `ContentUri`.
    public var sourceFolder: String
    /// The Lambda runtime (`python3.12`); for a layer, its `BuildMethod`.
    public var runtime: String
    /// `x86_64` or `arm64`.
    public var architecture: String
    /// The folder of the template that declares the resource.
    public var templateFolder: String
    /// The template file, for messages (nil when not known).
    public var templateFile: String?
    /// Extra environment variables for the build tools, laid over the builder's environment.
    /// They are part of the build key.
    public var environment: [String: String]
    /// The resource's `Metadata.BuildProperties` (SAM's esbuild settings: `EntryPoints`, `Minify`, ...),
    /// when it has them.
    public var buildProperties: TemplateMap?

    /// A build request.
    public init(
        logicalID: LogicalID, stackPath: String = "Root", kind: Kind = .function, sourceFolder: String,
        runtime: String, architecture: String = "x86_64", templateFolder: String, templateFile: String? = nil,
        environment: [String: String] = [:], buildProperties: TemplateMap? = nil
    ) {
        self.buildProperties = buildProperties
        self.logicalID = logicalID
        self.stackPath = stackPath
        self.kind = kind
        self.sourceFolder = sourceFolder
        self.runtime = runtime
        self.architecture = architecture
        self.templateFolder = templateFolder
        self.templateFile = templateFile
        self.environment = environment
    }
}
