// `Metadata: BuildMethod: makefile`, SAM's convention.
import Foundation

/// Builds with the `Makefile` in the source folder, as SAM does: runs
/// `make -f <source>/Makefile build-<LogicalID>` in the source folder with `ARTIFACTS_DIR` set to
/// the staging folder, which the target must fill.
///
/// The key covers every file of the source folder (the Makefile included) and the target name.
public struct MakefileBuilder: FunctionBuilder {
    /// `makefile`.
    public let name = "makefile"
    /// Bumped when the output for the same inputs changes.
    public let version = "1"

    /// A Makefile builder.
    public init() {}

    /// Source files and the make target.
    public func keyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        try await BuildKeyInputs.gather(
            builder: name, builderVersion: version, runtime: request.runtime, architecture: request.architecture,
            parameters: ["target": Self.target(for: request)], sourceFolder: request.source.path)
    }

    /// Runs the make target with `ARTIFACTS_DIR`.
    public func build(_ request: BuildRequest, into staging: URL) async throws {
        let makefile = request.source.appendingPathComponent("Makefile")
        guard FileManager.default.fileExists(atPath: makefile.path) else {
            throw BuilderError(.toolNotFound(
                tool: "Makefile", resource: request.qualifiedName,
                hint: "BuildMethod makefile needs a Makefile in \(request.source.path) with a target `\(Self.target(for: request))`."))
        }
        let tools = ToolRunner(environment: request.environment)
        let make = try tools.locate("make", for: request.qualifiedName, hint: "Install make (apt-get install make).")
        let target = Self.target(for: request)
        try await tools.run(make, ["-f", makefile.path, target], in: request.source,
                            extra: ["ARTIFACTS_DIR": staging.path],
                            shownAs: "make -f \(makefile.path) \(target)", resource: request.qualifiedName)
        if StagingCopy.isEmpty(staging) {
            throw BuilderError(.producedNothing(resource: request.qualifiedName, command: "make \(target)"))
        }
    }

    /// `build-<LogicalID>`.
    public static func target(for request: BuildRequest) -> String { "build-\(request.logicalID)" }
}
