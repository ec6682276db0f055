// A `CodeUri`/`ContentUri` that names a ready-made `.zip`.
import Foundation

/// Takes a prebuilt `.zip` as the artifact, unchanged: its SHA-256 is both the build key and the
/// artifact's hash. Nothing runs and nothing is cached (the file itself is the artifact).
package struct PrebuiltZipBuilder: PrebuiltArtifactProvider {
    /// `prebuilt-zip`.
    package var builderName: String { "prebuilt-zip" }
    /// Bumped when the output for the same inputs changes.
    package var builderVersion: String { "1" }

    /// A prebuilt-zip builder.
    package init() {}

    /// The zip file as the only input.
    package func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        let archive = try await existingArchive(for: request)
        let entry = FileTreeEntry(relativePath: request.sourceURL.lastPathComponent, sourcePath: archive.path,
                                  size: archive.size, isExecutable: false)
        return BuildKeyInputs(builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
                              architecture: request.architecture,
                              sourceFiles: [HashedFile(entry: entry, sha256: archive.sha256)])
    }

    /// The engine uses `existingArchive(for:)` instead; this stages the zip's bytes unchanged, as one
    /// file, for callers that ask anyway.
    package func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        let staging = try ToolRunner.makeStaging(in: workFolder)
        try FileManager.default.copyItem(atPath: request.sourceFolder,
                                         toPath: joinPath(staging, request.sourceURL.lastPathComponent))
        return StagedBuild(folder: staging)
    }

    /// The zip, hashed, with its entry count and unzipped size read from its central directory.
    package func existingArchive(for request: BuildRequest) async throws -> ZipArchive {
        let path = request.sourceFolder
        guard let status = POSIX.status(path), status.kind == .regular else {
            throw BuilderError(.notAZip(resource: request.qualifiedName, path: path))
        }
        guard let summary = ZipDirectoryReader.summary(ofFile: path) else {
            throw BuilderError(.notAZip(resource: request.qualifiedName, path: path))
        }
        let digest = try FileHasher.sha256(ofFile: path, expectedSize: status.size)
        return ZipArchive(path: path, sha256: digest, size: status.size, unzippedSize: summary.unzippedSize,
                          entryCount: summary.entryCount)
    }
}
