// What a builder is asked to build.
import Templates

/// One function or layer to build: where its code is, what it runs on, and which template declares it.
///
/// Paths are absolute. `templateFolder` matters for Python: pip resolves relative paths in
/// `requirements.txt` against its working folder, and SAM runs pip in the folder of the template that
/// declares the function, so `../../lib/pkg` in a nested template is relative to that template.
package struct BuildRequest: Sendable, Hashable {
    /// Whether the artifact is a function's code or a layer's content.
    package enum Kind: String, Sendable, Hashable {
        /// A function: files at the root of the zip.
        case function
        /// A layer: files under the runtime's folder (`python/` for Python).
        case layer
    }

    /// The resource's logical ID in its template.
    package var logicalID: LogicalID
    /// The stack path (`Root`, `Root/PatternStack`), for messages and events.
    package var stackPath: String
    /// Function or layer.
    package var kind: Kind
    /// The folder named by `CodeUri` / `ContentUri`.
    package var sourceFolder: String
    /// The Lambda runtime (`python3.12`); for a layer, its `BuildMethod`.
    package var runtime: String
    /// `x86_64` or `arm64`.
    package var architecture: String
    /// The folder of the template that declares the resource.
    package var templateFolder: String
    /// The template file, for messages (nil when not known).
    package var templateFile: String?
    /// Extra environment variables for the build tools, laid over the builder's environment.
    /// They are part of the build key.
    package var environment: [String: String]
    /// The resource's `Metadata.BuildProperties` (SAM's esbuild settings: `EntryPoints`, `Minify`, ...),
    /// when it has them.
    package var buildProperties: TemplateMap?

    /// A build request.
    package init(
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
