// Builds a Dockerfile with RUN through buildah (or podman, docker buildx), then takes the image over.
import Crypto
import Foundation
import Toolchains

/// Dockerfiles Ferry cannot write itself (`RUN`, `COPY --from`, `FROM` an earlier stage) are built
/// by a container builder with reproducible settings (`--isolation chroot --timestamp 0
/// --identity-label=false`), exported as an OCI layout, and taken into the blob cache like Ferry's
/// own images, so they are pushed, pinned by digest and verified the same way.
///
/// Every base the Dockerfile names comes from `[images.bases]`: each is handed to the builder
/// under its own reference (buildah: pulled from a local OCI layout and tagged; docker buildx: a
/// named build context), so the builder never reaches a registry and the Dockerfile stays as it
/// is. The key is the one of Ferry's writer (bases' digests, Dockerfile bytes, arguments, target,
/// platform, context files) with every base; an unchanged key runs nothing, so a cached image
/// needs no builder at all.
package enum ContainerImageBuild {
    /// Builds `request` whose Dockerfile needs a builder (`reason` names the first such instruction).
    /// - Throws: `ContainerBuildError` (no builder: `isMissingTool`; the builder failed), `ImageError`
    ///   (a base not mapped, another architecture), or an I/O error.
    package static func build(_ request: ImageBuildRequest, reason: ImageError,
                              environment: [String: String]) async throws -> ImageBuildResult {
        let dockerfilePath = joinPath(request.context, request.dockerfile)
        var dockerfileBytes: [UInt8] = []
        _ = try POSIX.readChunks(dockerfilePath) { dockerfileBytes.append(contentsOf: $0) }
        let dockerfile = try Dockerfile(text: String(decoding: dockerfileBytes, as: UTF8.self), file: dockerfilePath)
        let bases = try DockerfileBases.references(dockerfile, arguments: request.arguments)
            .map { try ImageAssembler.base($0, request: request, file: dockerfilePath) }
        let context = try ImageContext(folder: request.context)
        let identity = "container:" + bases.map(\.manifestDigest).joined(separator: ",")
        let key = ImageWriter.buildKey(request: request, baseDigest: identity, dockerfile: dockerfileBytes, context: context).hex
        if let cached = try ImageAssembler.cached(key: key, request: request) { return cached }
        guard let builder = await ContainerBuilder.locate(environment: environment) else {
            let (line, instruction) = reason.location ?? (1, "RUN")
            throw ContainerBuildError(.noBuilder(file: dockerfilePath, line: line, instruction: instruction))
        }
        let session = try ContainerBuildSession(builder: builder, request: request, key: key, environment: environment,
                                                dockerfile: dockerfilePath)
        defer { session.cleanUp() }
        let output = try await session.build(bases: bases)
        return try importImage(output, bases: bases, key: key, request: request, tool: builder.name, file: dockerfilePath)
    }

    /// Takes the builder's OCI layout into the store: every blob checked against its digest, the
    /// base layers the builder re-compressed replaced by the base's own blobs (same `diff_id`), so
    /// a push reuses what the base already uploaded.
    static func importImage(_ folder: String, bases: [ImageAssembler.Base], key: String, request: ImageBuildRequest,
                            tool: String, file: String) throws -> ImageBuildResult {
        let layout: OCILayout
        do { layout = try OCILayout.open(folder, tag: nil, architecture: request.architecture) } catch {
            throw ContainerBuildError(.unreadableOutput(tool: tool, file: file, message: "\(error)"))
        }
        let manifest = layout.manifest
        guard let configDigest = manifest["config"]?["digest"]?.string else {
            throw ContainerBuildError(.unreadableOutput(tool: tool, file: file, message: "its manifest has no config"))
        }
        let config = try JSONValue.parse(try BlobStore.readChecked(layout.blobPath(configDigest), digest: configDigest),
                                         what: "config of the image \(tool) built")
        let architecture = config["architecture"]?.string ?? "amd64"
        guard architecture == request.architecture else {
            throw ImageError(.architectureMismatch(base: file, baseArchitecture: architecture, wanted: request.architecture))
        }
        var known: [String: JSONValue] = [:]
        for base in bases { for (diffID, layer) in zip(base.diffIDs, base.layers) { known[diffID] = layer } }
        let diffIDs = (config["rootfs"]?["diff_ids"]?.array ?? []).compactMap(\.string)
        let built = (manifest["layers"]?.array ?? []).map(ImageConfigEditor.ociDescriptor)
        guard diffIDs.count == built.count else {
            throw ContainerBuildError(.unreadableOutput(tool: tool, file: file, message: "its config and manifest list different layers"))
        }
        var layers: [JSONValue] = []
        var newLayers: [LayerBlob] = []
        for (diffID, layer) in zip(diffIDs, built) {
            if let reused = known[diffID] { layers.append(reused); continue }
            guard let digest = layer["digest"]?.string else {
                throw ContainerBuildError(.unreadableOutput(tool: tool, file: file, message: "a layer has no digest"))
            }
            try request.store.importChecked(layout.blobPath(digest), digest: digest)
            layers.append(layer)
            newLayers.append(LayerBlob(digest: digest, size: layer["size"]?.integer ?? 0, diffID: diffID))
        }
        return try ImageAssembler.finish(config: config, layers: layers, newLayers: newLayers, key: key, request: request,
                                         annotations: manifest["annotations"])
    }
}
