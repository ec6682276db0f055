// The image part of `ferry build`: every planned image through Ferry's image writer.
import Builds
import Foundation
import Reporting

/// Builds the image functions of a build plan with `ImageBuilder` (Ferry's writer, buildah for
/// `RUN`, or a runtime builder's output as a layer; blobs in `.ferry/blobs`, an OCI layout per
/// function in `.ferry/build/images/`), then writes `.ferry/build/images.json`.
enum ImageBuildStep {
    /// Checks, before any build runs, that every image function's Dockerfile exists.
    /// - Throws: `PipelineFailure` (bad input) naming the function, its template line and the path.
    static func requireDockerfiles(_ images: [PlannedImage]) throws {
        for image in images where image.buildMethod == nil {
            let path = URL(fileURLWithPath: image.context).appendingPathComponent(image.dockerfile).path
            guard !FileManager.default.fileExists(atPath: path) else { continue }
            let target = image.target
            let place = target.line.map { "\(target.templateFile):\($0)" } ?? target.templateFile
            throw PipelineFailure(.badInput, "\(target.qualifiedName) (\(place)): its Dockerfile \(path) does not exist; "
                + "fix Metadata DockerContext/Dockerfile or add the file")
        }
    }

    static func run(_ images: [PlannedImage], projectRoot: URL, bases: [String: String], pulled: PulledBases = PulledBases(),
                    catalog: BuilderCatalog?, environment: [String: String], sink: any EventSink) async throws {
        guard !images.isEmpty else { return }
        let ferry = projectRoot.appendingPathComponent(".ferry")
        let store = BlobStore(root: ferry.appendingPathComponent("blobs").path)
        var entries: [ImageManifest.Entry] = []
        for image in images {
            let name = image.target.qualifiedName
            let output = ferry.appendingPathComponent("build/images")
                .appendingPathComponent(name.replacingOccurrences(of: "/", with: "_")).path
            let request = ImageBuildRequest(
                context: image.context, dockerfile: image.dockerfile, arguments: image.arguments, target: image.stage,
                architecture: image.architecture, bases: pulled.bases(for: image, configured: bases), store: store,
                recordFolder: ferry.appendingPathComponent("images").path, output: output)
            let work = ferry.appendingPathComponent("build/tmp/image-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: work) }
            let result = try await ImageBuilder.build(image, request: request, catalog: catalog, environment: environment,
                                                      workFolder: work.path)
            sink.emit(ImageBuiltEvent(function: name, digest: result.manifestDigest, cached: result.cached,
                                      newLayers: result.newLayers.count))
            entries.append(ImageManifest.Entry(
                qualifiedName: name, stackPath: image.target.stackPath, logicalID: image.target.logicalID,
                manifestDigest: result.manifestDigest, blobs: result.blobs, tag: image.tag, layout: output))
        }
        var manifest = (try? ImageManifest.read(projectRoot: projectRoot)) ?? ImageManifest(images: [])
        let built = Set(entries.map(\.qualifiedName))
        manifest.images = (manifest.images.filter { !built.contains($0.qualifiedName) } + entries)
            .sorted { $0.qualifiedName < $1.qualifiedName }
        try manifest.write(projectRoot: projectRoot)
    }
}

/// An image function built (or found unchanged in the cache).
package struct ImageBuiltEvent: FerryEvent {
    package let function: String
    package let digest: String
    package let cached: Bool
    package let newLayers: Int

    package var kind: String { "build.image" }
    package var level: EventLevel { .success }
    package var message: String {
        cached ? "\(function): image \(digest.prefix(19)) unchanged (cached)"
            : "\(function): image \(digest.prefix(19)) written (\(newLayers) new layer(s))"
    }
}
