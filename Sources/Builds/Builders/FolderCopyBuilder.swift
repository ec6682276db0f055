// Layers (and other code) packaged as they are.
import Foundation

/// Packages the source folder as it is, with the `always` ignore rules and `.ferryignore`: what SAM
/// does for a layer without `Metadata.BuildMethod`.
package struct FolderCopyBuilder: FunctionBuilder {
    /// `copy`.
    package var builderName: String { "copy" }
    /// Bumped when the output for the same inputs changes.
    package var builderVersion: String { "1" }

    /// A copying builder.
    package init() {}

    /// Source files only.
    package func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        try await BuildKeyInputs.gather(
            builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
            architecture: request.architecture, sourceFolder: request.sourceFolder)
    }

    /// Copies the files.
    package func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        let staging = try ToolRunner.makeStaging(in: workFolder)
        try FolderCopy.copy(FileTree.scan(request.sourceFolder), to: staging)
        return StagedBuild(folder: staging)
    }
}
