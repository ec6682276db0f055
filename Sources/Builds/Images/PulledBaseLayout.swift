// What pulling a base image needs from Builds: the images an image builds on and a layout of pulled blobs.
import Foundation

extension ImageWriter {
    /// Every external image `image` builds on: the runtime's Lambda base for a `BuildMethod` image
    /// (none for a runtime without one: its build says so), else each `FROM` of its Dockerfile that
    /// is neither `scratch` nor an earlier stage (build arguments substituted), whichever builder
    /// (Ferry's writer or a container builder) will build it.
    /// - Throws: `ImageError` for a Dockerfile Ferry cannot read, `BuildFilesError` when it is missing.
    package static func baseReferences(of image: PlannedImage) throws -> [String] {
        if let method = image.buildMethod {
            return FunctionImageBuild.baseReference(runtime: method).map { [$0] } ?? []
        }
        let path = joinPath(image.context, image.dockerfile)
        guard POSIX.status(path)?.kind == .regular else { throw BuildFilesError(.io(operation: "read Dockerfile", path: path, errno: 2)) }
        var bytes: [UInt8] = []
        _ = try POSIX.readChunks(path) { bytes.append(contentsOf: $0) }
        let parsed = try Dockerfile(text: String(decoding: bytes, as: UTF8.self), file: path)
        return try DockerfileBases.references(parsed, arguments: image.arguments)
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
