// Reading and writing OCI image layouts (`oci-layout`, `index.json`, `blobs/sha256/`).
import Foundation

/// An image in an OCI layout folder: its manifest (bytes and digest) and where its blobs are.
package struct OCILayout: Sendable, Hashable {
    /// The layout folder.
    package let path: String
    /// `sha256:<hex>` of the manifest bytes.
    package let manifestDigest: String
    /// The manifest bytes as stored.
    package let manifestBytes: [UInt8]

    /// The manifest's media types Ferry reads.
    static let manifestTypes = ["application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"]
    static let indexTypes = ["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]

    /// The file of `digest` inside the layout.
    package func blobPath(_ digest: String) -> String {
        "\(path)/blobs/sha256/\(digest.dropFirst("sha256:".count))"
    }

    /// The parsed manifest.
    package var manifest: JSONValue { (try? JSONValue.parse(manifestBytes, what: "manifest")) ?? .null }

    /// Opens the image in the layout at `path` named `tag` (the `org.opencontainers.image.ref.name`
    /// annotation), or its only image when `tag` is nil; an index is resolved for `architecture`.
    package static func open(_ path: String, tag: String?, architecture: String) throws -> OCILayout {
        func fail(_ message: String) -> ImageError { ImageError(.baseLayout(path: path, message: message)) }
        guard POSIX.status("\(path)/index.json")?.kind == .regular else { throw fail("it has no index.json") }
        var bytes: [UInt8] = []
        _ = try POSIX.readChunks("\(path)/index.json") { bytes.append(contentsOf: $0) }
        let index = try JSONValue.parse(bytes, what: "\(path)/index.json")
        let manifests = index["manifests"]?.array ?? []
        let candidates = tag.map { tag in manifests.filter { $0["annotations"]?["org.opencontainers.image.ref.name"]?.string == tag } } ?? manifests
        guard candidates.count == 1, let chosen = candidates.first, let digest = chosen["digest"]?.string else {
            throw fail(tag.map { "it has no single image tagged '\($0)'" } ?? "it holds \(manifests.count) images; name one with oci:path:tag")
        }
        var layout = OCILayout(path: path, digest: digest)
        var manifestBytes = try BlobStore.readChecked(layout.blobPath(digest), digest: digest)
        var manifest = try JSONValue.parse(manifestBytes, what: "manifest \(digest)")
        if let type = manifest["mediaType"]?.string ?? chosen["mediaType"]?.string, indexTypes.contains(type) {
            let matching = (manifest["manifests"]?.array ?? []).filter { $0["platform"]?["architecture"]?.string == architecture }
            guard let entry = matching.first, let inner = entry["digest"]?.string else {
                throw fail("its index has no image for \(architecture)")
            }
            layout = OCILayout(path: path, digest: inner)
            manifestBytes = try BlobStore.readChecked(layout.blobPath(inner), digest: inner)
            manifest = try JSONValue.parse(manifestBytes, what: "manifest \(inner)")
        }
        return OCILayout(path: path, manifestDigest: layout.manifestDigest, manifestBytes: manifestBytes)
    }

    private init(path: String, digest: String) {
        self.path = path
        self.manifestDigest = digest
        self.manifestBytes = []
    }

    init(path: String, manifestDigest: String, manifestBytes: [UInt8]) {
        self.path = path
        self.manifestDigest = manifestDigest
        self.manifestBytes = manifestBytes
    }

    /// Writes a layout at `path` holding one image (`manifestDigest`, tagged `tag`) whose blobs are in
    /// `store` (hard links where possible); replaces an older layout there as a whole.
    static func write(to path: String, manifestDigest: String, manifestSize: Int, blobs: [String], store: BlobStore, tag: String) throws {
        let temporary = POSIX.temporarySibling(of: path)
        try POSIX.makeDirectories("\(temporary)/blobs/sha256")
        do {
            for digest in Set(blobs + [manifestDigest]) {
                let target = "\(temporary)/blobs/sha256/\(digest.dropFirst("sha256:".count))"
                if link(store.path(digest), target) != 0 {
                    try FileManager.default.copyItem(atPath: store.path(digest), toPath: target)
                }
            }
            let layoutFile = JSONValue.object(["imageLayoutVersion": .string("1.0.0")]).canonicalBytes()
            let index = JSONValue.object([
                "schemaVersion": .integer(2),
                "manifests": .array([.object([
                    "mediaType": .string("application/vnd.oci.image.manifest.v1+json"),
                    "digest": .string(manifestDigest),
                    "size": .integer(Int64(manifestSize)),
                    "annotations": .object(["org.opencontainers.image.ref.name": .string(tag)]),
                ])]),
            ]).canonicalBytes()
            guard FileManager.default.createFile(atPath: "\(temporary)/oci-layout", contents: Data(layoutFile)),
                  FileManager.default.createFile(atPath: "\(temporary)/index.json", contents: Data(index)) else {
                throw BuildFilesError(.io(operation: "write", path: temporary, errno: errno))
            }
            try? FileManager.default.removeItem(atPath: path)
            try POSIX.rename(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
