// What pulling a base image needs from Builds: the Dockerfile's base reference and a layout of pulled blobs.
import Foundation

extension ImageWriter {
    /// The base image the Dockerfile at `context/dockerfile` builds on (its `FROM`, with build
    /// arguments substituted, for `target` or the last stage).
    /// - Throws: `ImageError` for a Dockerfile Ferry cannot read, `BuildFilesError` when it is missing.
    package static func baseReference(context: String, dockerfile: String, arguments: [String: String], target: String?) throws -> String {
        let path = joinPath(context, dockerfile)
        guard POSIX.status(path)?.kind == .regular else { throw BuildFilesError(.io(operation: "read Dockerfile", path: path, errno: 2)) }
        var bytes: [UInt8] = []
        _ = try POSIX.readChunks(path) { bytes.append(contentsOf: $0) }
        let parsed = try Dockerfile(text: String(decoding: bytes, as: UTF8.self), file: path)
        return try ImageRecipe(parsed, arguments: arguments, target: target).base
    }
}

extension BlobStore {
    /// Writes an OCI layout at `path` holding the image `manifestDigest` (stored here, with
    /// `blobs`), blobs hard-linked from the store: what `[images.bases]`-style `oci:path` reads.
    package func writeLayout(to path: String, manifestDigest: String, blobs: [String]) throws {
        let size = Int(POSIX.status(self.path(manifestDigest))?.size ?? 0)
        try OCILayout.write(to: path, manifestDigest: manifestDigest, manifestSize: size, blobs: blobs, store: self, tag: "latest")
    }

    /// Stores `bytes` that must have `digest`.
    /// - Throws: `ImageError` when they do not.
    package func put(_ bytes: [UInt8], expecting digest: String) throws {
        let actual = try put(bytes)
        guard actual == digest else { throw ImageError(.digestMismatch(path: "(download)", expected: digest, actual: actual)) }
    }
}

extension ImageError {
    /// A base image that could not be pulled (network, registry, credentials), with what to do.
    package static func pullFailed(base: String, file: String, message: String) -> ImageError {
        ImageError(.pullFailed(base: base, file: file, message: message))
    }
}
