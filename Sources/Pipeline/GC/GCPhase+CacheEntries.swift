// `ferry gc`: the remote build cache's entries follow their artifacts.
import AWSServices
import Foundation
import Reporting

extension GCPhase {
    /// Lists (dry run) or deletes the cache entries whose artifacts go, and the shared dependency
    /// trees no kept entry names (`GCDependencyTrees`); returns deletion failures.
    func collectCacheEntries(_ s3: S3, bucket: String, prefix: String, objects: [S3Object], plan: GCPlan,
                             sink: any EventSink) async -> [String] {
        let entries = await GCCacheEntries.collect(s3: s3, bucket: bucket, prefix: prefix, objects: objects,
                                                   doomedArtifacts: Set(plan.doomed.map(\.key)))
        let trees = GCDependencyTrees.make(objects: objects, prefix: prefix, entries: entries,
                                           writtenBefore: Date().addingTimeInterval(-options.minimumAge))
        let verb = options.delete ? "deleted" : "would delete"
        if !entries.kept.isEmpty || !entries.doomed.isEmpty {
            sink.emit(GCEvent.info("remote build cache: \(entries.kept.count) entr\(entries.kept.count == 1 ? "y" : "ies") kept, "
                + "\(entries.doomed.count) \(verb) (their artifacts go or are gone)"))
        }
        if trees.kept > 0 || !trees.doomed.isEmpty {
            sink.emit(GCEvent.info("shared dependency trees: \(trees.kept) object(s) kept, \(trees.doomed.count) \(verb) "
                + "(\(StorageCost.formatted(bytes: trees.doomedBytes)); no kept entry names them)"))
        }
        let doomed = entries.doomed + trees.doomed
        guard options.delete, !doomed.isEmpty else { return [] }
        do {
            let result = try await s3.deleteObjects(bucket: bucket, keys: doomed)
            return result.errors.map { "\($0.key ?? "?"): \($0.code ?? "") \($0.message ?? "")" }
        } catch {
            return ["remote build cache entries: \(error)"]
        }
    }
}
