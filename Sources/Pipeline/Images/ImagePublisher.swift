// Which repository each built image goes to, its pinned URI, and the push.
import AWSServices
import Builds
import Configuration
import Foundation
import Hotswap
import Packaging
import Reporting
import Templates

/// An image to push and the `ImageUri` (by digest) the packaged template gets.
package struct PlannedImagePush: Sendable, Hashable {
    package var entry: ImageManifest.Entry
    /// The repository name (`team/app`).
    package var repository: String
    /// `<registry>/<repository>@sha256:…`.
    package var imageURI: String
}

/// Resolves repositories from `[images]` (placeholders `{account}`, `{region}`, `{env}`) and pushes.
package enum ImagePublisher {
    /// The pushes for `manifest`; throws when an image function has no repository configured.
    package static func plan(_ manifest: ImageManifest, settings: ImageSettings, account: String, region: String,
                            environment: String) throws -> [PlannedImagePush] {
        try manifest.images.map { entry in
            guard var configured = settings.repository(for: entry.logicalID) else {
                throw ImagePublishError(function: entry.qualifiedName)
            }
            configured = configured.replacingOccurrences(of: "{account}", with: account)
                .replacingOccurrences(of: "{region}", with: region).replacingOccurrences(of: "{env}", with: environment)
            let repository = ImagePusher.repositoryName(configured)
            let host = repository == configured ? "\(account).dkr.ecr.\(region).amazonaws.com" : String(configured.dropLast(repository.count + 1))
            return PlannedImagePush(entry: entry, repository: repository, imageURI: "\(host)/\(repository)@\(entry.manifestDigest)")
        }
    }

    /// `Stack/Path/LogicalID` → pinned `ImageUri`, for the package plan.
    package static func imageURIs(_ pushes: [PlannedImagePush]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: pushes.map { ($0.entry.qualifiedName, $0.imageURI) })
    }

    /// Pushes every image (missing blobs only, the manifest last), creating repositories when missing.
    package static func push(_ pushes: [PlannedImagePush], ecr: ECR, projectRoot: URL, sink: any EventSink) async throws {
        let store = BlobStore(root: projectRoot.appendingPathComponent(".ferry/blobs").path)
        for push in pushes {
            let report = try await ImagePusher.push(
                manifestDigest: push.entry.manifestDigest, blobs: push.entry.blobs, store: store,
                repository: push.repository, tag: push.entry.tag, ecr: ecr)
            sink.emit(ImagePushedEvent(function: push.entry.qualifiedName, imageURI: push.imageURI,
                                       uploaded: report.uploaded.count, alreadyPresent: report.alreadyPresent.count,
                                       createdRepository: report.createdRepository))
        }
    }
}

/// An image function without a repository to push to.
package struct ImagePublishError: Error, Sendable, CustomStringConvertible {
    let function: String

    package var description: String {
        "\(function) is an image function but no repository is configured for it. Add to ferry.toml: "
            + "[images] repository = \"{account}.dkr.ecr.{region}.amazonaws.com/NAME\" (or [images.repositories] "
            + "\(function.split(separator: "/").last.map(String.init) ?? function) = \"…\")."
    }
}

/// An image pushed (only its missing blobs uploaded).
package struct ImagePushedEvent: FerryEvent {
    package let function: String
    package let imageURI: String
    package let uploaded: Int
    package let alreadyPresent: Int
    package let createdRepository: Bool

    package var kind: String { "package.image" }
    package var level: EventLevel { .info }
    package var message: String {
        "\(function): pushed \(imageURI) (\(uploaded) blob(s) uploaded, \(alreadyPresent) already there"
            + (createdRepository ? ", repository created)" : ")")
    }
}

extension ImagePublisher {
    /// Hot-swap and verify targets of image functions: the live `CodeSha256` must be the image digest.
    static func targets(_ pushes: [PlannedImagePush], tree: TemplateTree) -> [HotswapTarget] {
        pushes.compactMap { push in
            guard let stack = tree.allStacks.first(where: { $0.stackPath == push.entry.stackPath }),
                  let resource = stack.template.resources[LogicalID(push.entry.logicalID)] else { return nil }
            let hex = String(push.entry.manifestDigest.dropFirst("sha256:".count))
            var zip = LocalZip(path: push.entry.layout, codeSha256: hex)
            zip.imageURI = push.imageURI
            return HotswapTarget(stackPath: push.entry.stackPath, logicalID: LogicalID(push.entry.logicalID),
                                 resourceType: resource.type, artifact: .zip(zip))
        }
    }
}
