// `ferry doctor`: the remote build cache's state in the artifact bucket.
import AWSServices
import Configuration
import Foundation
import Packaging

/// Reports the remote build cache: how many action entries and bytes the bucket holds under the
/// prefix, and whether this machine writes and signs entries.
enum RemoteCacheCheck {
    /// Lists `<prefix>/.ferry/cache/` and describes it.
    static func run(environment: EnvironmentConfiguration, session: AWSSession, account: String,
                    processEnvironment: [String: String]) async -> DoctorCheck {
        let settings = RemoteCacheSettings.resolve(configuredWrite: environment.build.cacheWrite, environment: processEnvironment)
        guard let location = try? environment.resolvedArtifacts(region: session.settings.region, account: account),
              let bucket = location.bucket else {
            return DoctorCheck(id: "remote-cache", title: "Remote build cache", status: .skipped,
                               detail: "needs the artifact bucket above")
        }
        let store = ArtifactStore(bucket: bucket, prefix: location.prefix, region: session.settings.region)
        do {
            let objects = try await session.s3.listObjectsV2(bucket: bucket, prefix: store.key(ActionEntry.folder + "/"))
            let entries = objects.filter { ActionEntry.buildKey(ofObjectKey: $0.key, store: store) != nil }
            return check(entries: entries.count, bytes: entries.reduce(0) { $0 + ($1.size ?? 0) },
                         location: store.s3URI(key: store.key(ActionEntry.folder + "/")), settings: settings)
        } catch {
            return DoctorCheck(id: "remote-cache", title: "Remote build cache", status: .warning,
                               detail: FailurePresenter.present(error).message, required: false)
        }
    }

    /// The check for `entries` entries holding `bytes` bytes.
    static func check(entries: Int, bytes: Int64, location: String, settings: RemoteCacheSettings) -> DoctorCheck {
        let writes = settings.writes ? "written after uploads" : "read only ([cache] write = false or \(RemoteCacheSettings.writeVariable)=0)"
        let signing = settings.signingKey == nil ? "unsigned" : "signed and verified with \(ActionEntry.signingKeyVariable)"
        return DoctorCheck(id: "remote-cache", title: "Remote build cache", status: .ok,
                           detail: "\(entries) entr\(entries == 1 ? "y" : "ies"), \(StorageCost.formatted(bytes: bytes)) in \(location); "
                               + "\(writes); \(signing)",
                           required: false)
    }
}
