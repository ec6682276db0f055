// `ferry update` writes the remote build cache's entries of what it hot-swapped.
import AWSServices
import Hotswap
import Packaging
import Reporting

extension HotswapPhase {
    /// Shares the zips `results` sent to Lambda through the remote build cache (see
    /// `HotswapCacheWriter`), when this run writes entries (`options.remoteCache` and
    /// `[cache] write`) and the environment has an artifact bucket. Never throws.
    func shareWithRemoteCache(_ results: [HotswapResult], project: ResolvedProject, sink: any EventSink) async {
        guard options.remoteCache.writes, project.environment.build.cacheWrite != false,
              let manifest = project.manifest, let store = try? project.artifactStore() else { return }
        let artifacts = HotswapCacheWriter.sharedArtifacts(manifest, results: results)
        let encryption: ServerSideEncryption = project.location?.kmsKeyID.map { .kms(keyId: $0) } ?? .aes256
        let writer = HotswapCacheWriter(s3: project.session.s3, store: store, encryption: encryption,
                                        signingKey: options.remoteCache.signingKey, projectRoot: project.projectRoot)
        if let event = await writer.share(artifacts, manifest: manifest) { sink.emit(event) }
    }
}
