// `ferry update`: what a hot-swap put into Lambda goes into the shared build cache too.
import AWSCore
import AWSServices
import Builds
import Foundation
import Hotswap
import Packaging

/// Shares the zips a hot-swap-only run (`ferry update`) sent to Lambda through the remote build
/// cache, so a teammate's checkout finds them: each hot-swapped zip of the build manifest is put
/// into the artifact bucket under its content address (only if absent, with its SHA-256 as S3's
/// checksum, encrypted like the packager's objects), then the action entries of those artifacts
/// are written by `ActionEntryWriter`. Nothing here fails the command: a problem is one warning.
struct HotswapCacheWriter: Sendable {
    /// The S3 client.
    let s3: S3
    /// The bucket and prefix.
    let store: ArtifactStore
    /// The packager's encryption.
    let encryption: ServerSideEncryption
    /// When set, entries are signed with it.
    let signingKey: Data?
    /// The project (its `.ferry/deps` trees are shared too).
    let projectRoot: URL

    /// The manifest artifacts whose zip a succeeded result sent to Lambda (function code and
    /// layers), built here (not prebuilt, not only referenced from the bucket).
    static func sharedArtifacts(_ manifest: BuildManifest, results: [HotswapResult]) -> [BuildManifest.Artifact] {
        var paths: Set<String> = []
        for result in results {
            guard case .succeeded = result.outcome else { continue }
            switch result.operation.change {
            case .lambdaCode(_, let zip) where zip.imageURI == nil: paths.insert(zip.path)
            case .layerVersion(let swap): paths.insert(swap.zip.path)
            default: break
            }
        }
        return manifest.artifacts.filter { artifact in
            !artifact.zipPath.isEmpty && paths.contains(artifact.zipPath) && artifact.builderVersion != nil
                && !artifact.buildKey.isEmpty && artifact.buildKey != artifact.zipSHA256
        }
    }

    /// Uploads the missing zips of `artifacts` and writes their entries; the written-entries
    /// event, or nil when there was nothing to share.
    func share(_ artifacts: [BuildManifest.Artifact], manifest: BuildManifest) async -> RemoteCacheWrittenEvent? {
        guard !artifacts.isEmpty else { return nil }
        var shared = manifest
        shared.artifacts = []
        var failed: [String] = []
        for var artifact in artifacts {
            let key = store.key("\(artifact.zipSHA256).zip")
            do {
                if try await s3.headObject(bucket: store.bucket, key: key) == nil {
                    var options = PutObjectOptions(contentType: "application/zip", serverSideEncryption: encryption,
                                                   onlyIfAbsent: true)
                    options.sha256 = artifact.zipSHA256
                    _ = try await s3.upload(file: URL(fileURLWithPath: artifact.zipPath), bucket: store.bucket, key: key,
                                            options: options)
                }
                artifact.s3Key = key
                shared.artifacts.append(artifact)
            } catch {
                failed.append("\(artifact.qualifiedName): \(error)")
            }
        }
        let trees = await DependencyTreeWriter(s3: s3, store: store, projectRoot: projectRoot, signingKey: signingKey,
                                               encryption: encryption).share(shared)
        let writer = ActionEntryWriter(s3: s3, store: store, signingKey: signingKey, encryption: encryption)
        let written = await writer.write(shared, trees: trees.trees).adding(trees: trees)
        var event = RemoteCacheWrittenEvent(written: written.written, alreadyPresent: written.alreadyPresent,
                                            failed: (failed + written.failed).sorted())
        event.treesUploaded = written.treesUploaded
        return event
    }
}
