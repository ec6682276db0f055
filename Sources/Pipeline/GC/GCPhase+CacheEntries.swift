// `ferry gc`: the remote build cache's entries follow their artifacts.
import AWSServices
import Foundation
import Reporting

extension GCPhase {
    /// Lists (dry run) or deletes the cache entries whose artifacts go; returns deletion failures.
    func collectCacheEntries(_ s3: S3, bucket: String, prefix: String, objects: [S3Object], plan: GCPlan,
                             sink: any EventSink) async -> [String] {
        let entries = await GCCacheEntries.collect(s3: s3, bucket: bucket, prefix: prefix, objects: objects,
                                                   doomedArtifacts: Set(plan.doomed.map(\.key)))
        guard !entries.kept.isEmpty || !entries.doomed.isEmpty else { return [] }
        let verb = options.delete ? "deleted" : "would delete"
        sink.emit(GCEvent.info("remote build cache: \(entries.kept.count) entr\(entries.kept.count == 1 ? "y" : "ies") kept, "
            + "\(entries.doomed.count) \(verb) (their artifacts go or are gone)"))
        guard options.delete, !entries.doomed.isEmpty else { return [] }
        do {
            let result = try await s3.deleteObjects(bucket: bucket, keys: entries.doomed)
            return result.errors.map { "\($0.key ?? "?"): \($0.code ?? "") \($0.message ?? "")" }
        } catch {
            return ["remote build cache entries: \(error)"]
        }
    }
}
