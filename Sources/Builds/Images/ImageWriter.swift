// Builds an OCI image from a Dockerfile without RUN, deterministically, without a container runtime.
import Crypto
import Foundation

/// Writes images for Dockerfiles without `RUN`: reads the base's manifest and config from a local
/// OCI layout (never unpacking its layers), adds one deterministic layer per `COPY`/`ADD`, edits the
/// config (`ENV`, `WORKDIR`, `CMD`, `ENTRYPOINT`, `LABEL`, `USER`), and writes an OCI layout.
/// Unchanged inputs (base digest, Dockerfile bytes, arguments, target, platform, context files)
/// are not rebuilt.
package enum ImageWriter {
    /// Builds `request`; throws `ImageError` naming `Dockerfile:line` for what it cannot do.
    package static func build(_ request: ImageBuildRequest) throws -> ImageBuildResult {
        let dockerfilePath = joinPath(request.context, request.dockerfile)
        guard POSIX.status(dockerfilePath)?.kind == .regular else {
            throw BuildFilesError(.io(operation: "read Dockerfile", path: dockerfilePath, errno: 2))
        }
        var dockerfileBytes: [UInt8] = []
        _ = try POSIX.readChunks(dockerfilePath) { dockerfileBytes.append(contentsOf: $0) }
        let dockerfile = try Dockerfile(text: String(decoding: dockerfileBytes, as: UTF8.self), file: dockerfilePath)
        let recipe = try ImageRecipe(dockerfile, arguments: request.arguments, target: request.target)
        let base = try openBase(recipe.base, request: request, file: dockerfilePath)
        let context = try ImageContext(folder: request.context)
        let key = buildKey(request: request, baseDigest: base.manifestDigest, dockerfile: dockerfileBytes, context: context)
        let record = joinPath(request.recordFolder, key.hex + ".json")
        if let cached = try? ImageBuildRecord.read(record), cached.blobs.allSatisfy(request.store.contains),
           request.store.contains(cached.manifestDigest) {
            let manifestSize = Int(POSIX.status(request.store.path(cached.manifestDigest))?.size ?? 0)
            try OCILayout.write(to: request.output, manifestDigest: cached.manifestDigest, manifestSize: manifestSize,
                                blobs: cached.blobs, store: request.store, tag: "latest")
            return ImageBuildResult(manifestDigest: cached.manifestDigest, key: key.hex, blobs: cached.blobs,
                                    newLayers: [], cached: true, layout: request.output)
        }

        var manifest = base.manifest
        guard let configDigest = manifest["config"]?["digest"]?.string else {
            throw ImageError(.baseLayout(path: base.path, message: "its manifest has no config"))
        }
        var config = try JSONValue.parse(try BlobStore.readChecked(base.blobPath(configDigest), digest: configDigest),
                                         what: "config of \(recipe.base)")
        let baseArchitecture = config["architecture"]?.string ?? "amd64"
        guard baseArchitecture == request.architecture else {
            throw ImageError(.architectureMismatch(base: recipe.base, baseArchitecture: baseArchitecture, wanted: request.architecture))
        }
        var layers = (manifest["layers"]?.array ?? []).map(ImageConfigEditor.ociDescriptor)
        for layer in layers {
            if let digest = layer["digest"]?.string { try request.store.importChecked(base.blobPath(digest), digest: digest) }
        }
        var editor = ImageConfigEditor(config: config)
        var newLayers: [LayerBlob] = []
        for step in recipe.steps {
            if case let .copy(sources, destination, chmod, line) = step {
                let entries = try context.entries(for: sources, destination: destination, chmod: chmod,
                                                  file: dockerfilePath, line: line)
                let temporary = try request.store.temporaryFile()
                let blob: LayerBlob
                do { blob = try TarLayerWriter.write(entries, to: temporary) } catch {
                    POSIX.removeFile(temporary)
                    throw error
                }
                try request.store.adopt(temporary, digest: blob.digest)
                newLayers.append(blob)
                layers.append(.object([
                    "mediaType": .string("application/vnd.oci.image.layer.v1.tar+gzip"),
                    "digest": .string(blob.digest), "size": .integer(blob.size),
                ]))
                editor.addLayer(diffID: blob.diffID, createdBy: "COPY \(sources.joined(separator: " ")) \(destination) # ferry")
            } else {
                editor.apply(step)
            }
        }
        config = editor.config
        let configBytes = config.canonicalBytes()
        let newConfigDigest = try request.store.put(configBytes)
        manifest = .object([
            "schemaVersion": .integer(2),
            "mediaType": .string("application/vnd.oci.image.manifest.v1+json"),
            "config": .object([
                "mediaType": .string("application/vnd.oci.image.config.v1+json"),
                "digest": .string(newConfigDigest), "size": .integer(Int64(configBytes.count)),
            ]),
            "layers": .array(layers),
        ])
        let manifestBytes = manifest.canonicalBytes()
        let manifestDigest = try request.store.put(manifestBytes)
        let blobs = [newConfigDigest] + layers.compactMap { $0["digest"]?.string }
        try OCILayout.write(to: request.output, manifestDigest: manifestDigest, manifestSize: manifestBytes.count,
                            blobs: blobs, store: request.store, tag: "latest")
        try ImageBuildRecord(manifestDigest: manifestDigest, blobs: blobs).write(record)
        return ImageBuildResult(manifestDigest: manifestDigest, key: key.hex, blobs: blobs, newLayers: newLayers,
                                cached: false, layout: request.output)
    }

    /// The base named by `reference`, from `[images.bases]`.
    static func openBase(_ reference: String, request: ImageBuildRequest, file: String) throws -> OCILayout {
        guard let mapped = request.bases[reference] else { throw ImageError(.baseNotMapped(reference: reference, file: file)) }
        var location = mapped.hasPrefix("oci:") ? String(mapped.dropFirst(4)) : mapped
        var tag: String?
        if let colon = location.lastIndex(of: ":"), !location[location.index(after: colon)...].contains("/") {
            tag = String(location[location.index(after: colon)...])
            location = String(location[..<colon])
        }
        return try OCILayout.open(location, tag: tag, architecture: request.architecture)
    }

    /// SHA-256 of every input that can change the image.
    static func buildKey(request: ImageBuildRequest, baseDigest: String, dockerfile: [UInt8], context: ImageContext) -> SHA256Digest {
        var hash = SHA256()
        func add(_ text: String) { hash.update(data: Array(text.utf8) + [0]) }
        add("ferry-image-v1")
        add(baseDigest)
        hash.update(data: dockerfile)
        add("")
        for (name, value) in request.arguments.sorted(by: { $0.key < $1.key }) { add(name); add(value) }
        add(request.target ?? "")
        add(request.architecture)
        for entry in context.tree.entries {
            add(entry.relativePath)
            add(entry.isExecutable ? "x" : "-")
            add(context.contentDigest(entry))
        }
        return SHA256Digest(hash.finalize())
    }
}

/// What a finished build left in the blob store, keyed by its build key.
struct ImageBuildRecord: Codable, Sendable, Hashable {
    var manifestDigest: String
    var blobs: [String]

    static func read(_ path: String) throws -> ImageBuildRecord {
        try JSONDecoder().decode(ImageBuildRecord.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func write(_ path: String) throws {
        try POSIX.makeDirectories(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]))
        let temporary = POSIX.temporarySibling(of: path)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(JSONValue.canonical(self))) else {
            throw BuildFilesError(.io(operation: "write", path: temporary, errno: errno))
        }
        try POSIX.rename(temporary, to: path)
    }
}
