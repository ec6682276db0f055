// The remote build cache of an environment, connected on first use.
import Builds
import Configuration
import Foundation
import Packaging
import Reporting
import Synchronization

/// The remote build cache in an environment's artifact bucket, for `BuildEngine.remote`.
///
/// Nothing touches AWS until the first local miss: the bucket name and the prefix are resolved
/// then, once per run (as packaging resolves them), over the command's session (`ferry up` passes
/// its `ResolvedProject`'s; `ferry build`, which resolves no project, has it made then from its
/// options). When that fails (no credentials, no bucket configured, no network), the remote cache
/// is simply not used and everything is built; without a bucket in the configuration no AWS call
/// is made at all.
package final class BucketBuildLookup: RemoteBuildLookup, RemoteDependencyTrees {
    private let environment: EnvironmentConfiguration
    private let session: @Sendable () throws -> AWSSession
    private let needsBytes: Bool
    private let signingKey: Data?
    private let sink: any EventSink
    private let connection = Mutex<Task<RemoteBuildCache?, Never>?>(nil)

    /// The remote cache of `environment` over the command's `session`; `needsBytes` downloads hits
    /// into the local cache.
    convenience init(environment: EnvironmentConfiguration, session: AWSSession, needsBytes: Bool,
                     signingKey: Data?, sink: any EventSink) {
        self.init(environment: environment, makeSession: { session }, needsBytes: needsBytes, signingKey: signingKey,
                  sink: sink)
    }

    /// The remote cache of `environment`, whose session is made from `session` (and the
    /// environment's profile and region) on the first local miss.
    package convenience init(environment: EnvironmentConfiguration, session options: AWSSessionOptions, needsBytes: Bool,
                            signingKey: Data?, sink: any EventSink) {
        self.init(environment: environment, makeSession: { try AWSSession.make(options.applying(environment)) },
                  needsBytes: needsBytes, signingKey: signingKey, sink: sink)
    }

    private init(environment: EnvironmentConfiguration, makeSession: @escaping @Sendable () throws -> AWSSession,
                 needsBytes: Bool, signingKey: Data?, sink: any EventSink) {
        self.environment = environment
        self.session = makeSession
        self.needsBytes = needsBytes
        self.signingKey = signingKey
        self.sink = sink
    }

    /// See `RemoteBuildLookup`.
    package func find(_ key: BuildKey, builder: String, builderVersion: String, cache: BuildCache) async -> RemoteBuildHit? {
        guard let remote = await connected() else { return nil }
        return await remote.find(key, builder: builder, builderVersion: builderVersion, cache: cache)
    }

    /// See `RemoteDependencyTrees`.
    package func fetchTree(key: String, into folder: String) async -> String? {
        guard let remote = await connected() else { return nil }
        return await remote.fetchTree(key: key, into: folder)
    }

    private func connected() async -> RemoteBuildCache? {
        let task = connection.withLock { current -> Task<RemoteBuildCache?, Never> in
            if let current { return current }
            let environment = self.environment, makeSession = self.session, needsBytes = self.needsBytes
            let signingKey = self.signingKey, sink = self.sink
            let started = Task { () -> RemoteBuildCache? in
                guard let session = try? makeSession(),
                      let resolved = try? await Self.resolve(environment, session) else { return nil }
                return RemoteBuildCache(s3: resolved.0.s3, store: resolved.1, needsBytes: needsBytes, signingKey: signingKey,
                                        sink: sink)
            }
            current = started
            return started
        }
        return await task.value
    }

    /// The session and the artifact store, as packaging resolves them.
    static func resolve(_ configured: EnvironmentConfiguration,
                        _ session: AWSSession) async throws -> (AWSSession, ArtifactStore)? {
        // No bucket configured: no remote cache, and no AWS call at all.
        guard configured.artifacts.effectiveBucket != nil || configured.artifacts.isManaged else { return nil }
        let environment = await ManagedArtifactBucket.adopting(configured, session: session)
        let region = session.settings.region
        let location: ResolvedArtifactLocation
        if let known = try? environment.resolvedArtifacts(region: region, account: nil) {
            location = known
        } else {
            let account = try await session.sts.getCallerIdentity().account
            location = try environment.resolvedArtifacts(region: region, account: account)
        }
        guard let bucket = location.bucket else { return nil }
        let endpoint = try? session.settings.endpoint(for: .s3).url
        let store = ArtifactStore(bucket: bucket, prefix: location.prefix, region: region,
                                  customEndpoint: endpoint.flatMap { ArtifactStore.isCustom($0) ? $0 : nil })
        return (session, store)
    }
}
