// Layers (and other code) packaged as they are.
import Foundation

/// Packages the source folder as it is, with the `always` ignore rules and `.ferryignore`: what SAM
/// does for a layer without `Metadata.BuildMethod`.
public struct FolderCopyBuilder: FunctionBuilder {
    /// `copy`.
    public let name = "copy"
    /// Bumped when the output for the same inputs changes.
    public let version = "1"

    /// A copying builder.
    public init() {}

    /// Source files only.
    public func keyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        try await BuildKeyInputs.gather(
            builder: name, builderVersion: version, runtime: request.runtime, architecture: request.architecture,
            sourceFolder: request.source.path)
    }

    /// Copies the files.
    public func build(_ request: BuildRequest, into staging: URL) async throws {
        try StagingCopy.copy(FileTree.scan(request.source.path), to: staging)
    }
}
