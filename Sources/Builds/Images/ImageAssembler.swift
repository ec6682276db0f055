// The steps every image build shares: a base read into the blob cache, a cached key, the final manifest.
import Foundation

/// Reads a base image into the blob cache, answers a build key from earlier records, and writes
/// the finished image (config, manifest, OCI layout, build record) the same way for every builder.
enum ImageAssembler {
    /// A base image whose blobs are in the store: its config and its layer descriptors (OCI types).
    struct Base {
        var reference: String
        var manifestDigest: String
        var manifestSize: Int
        var configDigest: String
        var config: JSONValue
        var layers: [JSONValue]

        /// The config and layer blobs.
        var blobs: [String] { [configDigest] + layers.compactMap { $0["digest"]?.string } }

        /// The uncompressed digests of its layers, in order.
        var diffIDs: [String] { (config["rootfs"]?["diff_ids"]?.array ?? []).compactMap(\.string) }
    }

    /// Opens `reference` from `[images.bases]` (through `ImageWriter.openBase`), checks its
    /// architecture, and copies its config, layers and manifest into the store.
    static func base(_ reference: String, request: ImageBuildRequest, file: String) throws -> Base {
        let layout = try ImageWriter.openBase(reference, request: request, file: file)
        let manifest = layout.manifest
        guard let configDigest = manifest["config"]?["digest"]?.string else {
            throw ImageError(.baseLayout(path: layout.path, message: "its manifest has no config"))
        }
        let configBytes = try BlobStore.readChecked(layout.blobPath(configDigest), digest: configDigest)
        let config = try JSONValue.parse(configBytes, what: "config of \(reference)")
        let architecture = config["architecture"]?.string ?? "amd64"
        guard architecture == request.architecture else {
            throw ImageError(.architectureMismatch(base: reference, baseArchitecture: architecture, wanted: request.architecture))
        }
        let layers = (manifest["layers"]?.array ?? []).map(ImageConfigEditor.ociDescriptor)
        for layer in layers {
            if let digest = layer["digest"]?.string { try request.store.importChecked(layout.blobPath(digest), digest: digest) }
        }
        try request.store.put(configBytes)
        try request.store.put(layout.manifestBytes)
        return Base(reference: reference, manifestDigest: layout.manifestDigest, manifestSize: layout.manifestBytes.count,
                    configDigest: configDigest, config: config, layers: layers)
    }

    /// The image recorded for `key` when all its blobs are still in the store: its layout is
    /// written again and nothing is built.
    static func cached(key: String, request: ImageBuildRequest) throws -> ImageBuildResult? {
        guard let record = try? ImageBuildRecord.read(recordPath(key: key, request: request)),
              record.blobs.allSatisfy(request.store.contains), request.store.contains(record.manifestDigest) else { return nil }
        let size = Int(POSIX.status(request.store.path(record.manifestDigest))?.size ?? 0)
        try OCILayout.write(to: request.output, manifestDigest: record.manifestDigest, manifestSize: size,
                            blobs: record.blobs, store: request.store, tag: "latest")
        return ImageBuildResult(manifestDigest: record.manifestDigest, key: key, blobs: record.blobs,
                                newLayers: [], cached: true, layout: request.output)
    }

    /// Stores `config` and a manifest of `layers` (all already in the store), writes the layout and
    /// the build record of `key`.
    static func finish(config: JSONValue, layers: [JSONValue], newLayers: [LayerBlob], key: String,
                       request: ImageBuildRequest, annotations: JSONValue? = nil) throws -> ImageBuildResult {
        let configBytes = config.canonicalBytes()
        let configDigest = try request.store.put(configBytes)
        var manifest = JSONValue.object([
            "schemaVersion": .integer(2),
            "mediaType": .string("application/vnd.oci.image.manifest.v1+json"),
            "config": .object([
                "mediaType": .string("application/vnd.oci.image.config.v1+json"),
                "digest": .string(configDigest), "size": .integer(Int64(configBytes.count)),
            ]),
            "layers": .array(layers),
        ])
        if let annotations { manifest["annotations"] = annotations }
        let manifestBytes = manifest.canonicalBytes()
        let manifestDigest = try request.store.put(manifestBytes)
        let blobs = [configDigest] + layers.compactMap { $0["digest"]?.string }
        try OCILayout.write(to: request.output, manifestDigest: manifestDigest, manifestSize: manifestBytes.count,
                            blobs: blobs, store: request.store, tag: "latest")
        try ImageBuildRecord(manifestDigest: manifestDigest, blobs: blobs).write(recordPath(key: key, request: request))
        return ImageBuildResult(manifestDigest: manifestDigest, key: key, blobs: blobs, newLayers: newLayers,
                                cached: false, layout: request.output)
    }

    /// A layer descriptor for a blob Ferry wrote.
    static func descriptor(_ blob: LayerBlob) -> JSONValue {
        .object([
            "mediaType": .string("application/vnd.oci.image.layer.v1.tar+gzip"),
            "digest": .string(blob.digest), "size": .integer(blob.size),
        ])
    }

    private static func recordPath(key: String, request: ImageBuildRequest) -> String {
        joinPath(request.recordFolder, key + ".json")
    }
}
