// A `CodeUri`/`ContentUri` that names a ready-made `.zip`.
import Foundation

/// Takes a prebuilt `.zip` as the artifact, unchanged: its SHA-256 is both the build key and the
/// artifact's hash. Nothing runs and nothing is cached (the file itself is the artifact).
public struct PrebuiltZipBuilder: PrebuiltArtifactProvider {
    /// `prebuilt-zip`.
    public let name = "prebuilt-zip"
    /// Bumped when the output for the same inputs changes.
    public let version = "1"

    /// A prebuilt-zip builder.
    public init() {}

    /// The zip file as the only input.
    public func keyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        let archive = try await existingArchive(for: request)
        let entry = FileTreeEntry(relativePath: request.source.lastPathComponent, sourcePath: archive.path,
                                  size: archive.size, isExecutable: false)
        return BuildKeyInputs(builder: name, builderVersion: version, runtime: request.runtime,
                              architecture: request.architecture,
                              sourceFiles: [HashedFile(entry: entry, sha256: archive.sha256)])
    }

    /// Unpacks nothing: the engine uses `existingArchive(for:)` instead. Copies the zip into
    /// `staging` for callers that want a file there.
    public func build(_ request: BuildRequest, into staging: URL) async throws {
        try FileManager.default.copyItem(at: request.source, to: staging.appendingPathComponent(request.source.lastPathComponent))
    }

    /// The zip, hashed, with its entry count and unzipped size read from its central directory.
    public func existingArchive(for request: BuildRequest) async throws -> ZipArchive {
        let path = request.source.path
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
