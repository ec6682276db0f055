import AWSServices
import Foundation

/// The object versions `ferry gc` deletes, so that the bytes it reports are bytes really freed:
/// in a versioned bucket (the one Ferry creates is) deleting a key only adds a delete marker.
///
/// It deletes every version (and delete marker) of each doomed key, and the versions left of
/// artifacts already deleted (their latest entry is a delete marker) that are older than the
/// minimum age. Lock, history and hot-swap records are never touched (not artifacts).
package struct GCVersionPlan: Sendable, Equatable {
    /// One version to delete.
    package struct Deletion: Sendable, Equatable {
        package var key: String
        package var versionId: String
        /// 0 for a delete marker.
        package var size: Int64
        /// Whether it is a noncurrent version (or a marker) rather than the current object.
        package var noncurrent: Bool
    }

    /// What to delete.
    package var deletions: [Deletion]

    /// The bytes the deletions free.
    package var bytes: Int64 { deletions.reduce(0) { $0 + $1.size } }
    /// Noncurrent versions among the deletions (delete markers not counted).
    package var noncurrentVersions: Int { deletions.filter { $0.noncurrent && $0.size > 0 }.count }

    /// The deletions for `doomed` keys, given every version under the prefix; the leftovers of a
    /// deleted artifact stay when `isReferenced` says a kept deploy or a live stack still names it.
    package static func make(versions: [S3ObjectVersion], doomed: Set<String>, prefix: String, olderThan: Date,
                            isReferenced: (String) -> Bool = { _ in false }) -> GCVersionPlan {
        let byKey = Dictionary(grouping: versions, by: \.key)
        var deletions: [Deletion] = []
        for key in byKey.keys.sorted() {
            let entries = byKey[key] ?? []
            let deletedAlready = entries.contains { $0.isLatest && $0.isDeleteMarker }
            let collect: Bool
            if doomed.contains(key) {
                collect = true
            } else if deletedAlready, ArtifactObject.classify(key: key, prefix: prefix).isCandidate, !isReferenced(key) {
                // Only noncurrent versions remain: gone from listings but still billed.
                collect = entries.allSatisfy { ($0.lastModified ?? .distantFuture) <= olderThan }
            } else {
                collect = false
            }
            guard collect else { continue }
            for entry in entries {
                deletions.append(Deletion(key: key, versionId: entry.versionId, size: entry.isDeleteMarker ? 0 : entry.size,
                                          noncurrent: !entry.isLatest || entry.isDeleteMarker))
            }
        }
        return GCVersionPlan(deletions: deletions)
    }
}
