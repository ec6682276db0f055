// `ferry gc` and the shared dependency trees: a tree lives as long as a kept cache entry names it.
import AWSServices
import Foundation
import Packaging

/// Which shared dependency-tree objects (`<prefix>/.ferry/deps/<tree key>.json` and the
/// `<sha256>.zip` it names) `ferry gc` deletes: those no kept remote-cache entry names, last
/// written before the minimum age (a build may be sharing a tree whose entry it has not written
/// yet). When some entry could not be read, every tree stays: it may name any of them.
package struct GCDependencyTrees: Sendable, Equatable {
    /// Object keys to delete.
    package var doomed: [String]
    /// Bytes of the objects to delete.
    package var doomedBytes: Int64
    /// How many tree objects stay.
    package var kept: Int

    /// Decides for every tree object in `objects` (the listing under `prefix`).
    /// - Parameters:
    ///   - entries: the remote cache's decision (the trees its kept entries name).
    ///   - cutoff: objects written after it stay whatever names them.
    package static func make(objects: [S3Object], prefix: String, entries: GCCacheEntries, writtenBefore cutoff: Date) -> GCDependencyTrees {
        let folder = ArtifactStore(bucket: "", prefix: prefix, region: "").key(DependencyTreeEntry.folder + "/")
        var plan = GCDependencyTrees(doomed: [], doomedBytes: 0, kept: 0)
        for object in objects.sorted(by: { $0.key < $1.key }) where object.key.hasPrefix(folder) {
            let name = String(object.key.dropFirst(folder.count))
            let named: Bool
            if name.hasSuffix(".json"), DependencyTreeEntry.isHexKey(String(name.dropLast(5))) {
                named = entries.keptTrees.contains(String(name.dropLast(5)))
            } else if name.hasSuffix(".zip"), DependencyTreeEntry.isHexKey(String(name.dropLast(4))) {
                named = entries.keptTreeZips.contains(String(name.dropLast(4)))
            } else {
                continue  // not a tree object
            }
            let young = object.lastModified.map { $0 > cutoff } ?? true
            if named || young || entries.anyUnreadable {
                plan.kept += 1
            } else {
                plan.doomed.append(object.key)
                plan.doomedBytes += object.size ?? 0
            }
        }
        return plan
    }
}
