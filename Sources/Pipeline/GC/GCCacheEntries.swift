// `ferry gc` and the remote build cache: entries live exactly as long as their artifacts.
import AWSServices
import Foundation
import Packaging

/// Which remote build cache entries (`<prefix>/.ferry/cache/<key>.json`) `ferry gc` deletes: those
/// whose artifact it deletes, whose artifact is gone, or that are not valid entries. The others stay.
package struct GCCacheEntries: Sendable, Equatable {
    /// Entry keys that stay.
    package var kept: [String]
    /// Entry keys to delete.
    package var doomed: [String]
    /// Bytes of the entries to delete.
    package var doomedBytes: Int64
    /// Bytes of all entries.
    package var totalBytes: Int64
    /// The dependency-tree keys the kept entries name (`dependencyTrees`' keys).
    package var keptTrees: Set<String> = []
    /// The SHA-256s of the tree zips the kept entries name (`dependencyTrees`' values).
    package var keptTreeZips: Set<String> = []
    /// Whether some entry could not be read (it may name any tree: every tree stays).
    package var anyUnreadable = false

    /// What one entry read gave.
    package enum Read: Sendable, Equatable {
        /// A valid entry.
        case entry(ActionEntry)
        /// The object is not an entry (deleted: it can never be used).
        case invalid
        /// It could not be read now (kept: better a stale entry than a lost one).
        case unreadable
    }

    /// Decides for each entry of `entries` (entry key → what reading it gave).
    /// - Parameters:
    ///   - existing: every key in the bucket listing.
    ///   - doomedArtifacts: the artifact keys gc deletes.
    ///   - sizes: the listed size of each entry key.
    package static func make(entries: [String: Read], existing: Set<String>, doomedArtifacts: Set<String>,
                            sizes: [String: Int64] = [:]) -> GCCacheEntries {
        var plan = GCCacheEntries(kept: [], doomed: [], doomedBytes: 0, totalBytes: 0)
        for key in entries.keys.sorted() {
            let size = sizes[key] ?? 0
            plan.totalBytes += size
            let goes: Bool
            switch entries[key] {
            case .entry(let entry): goes = doomedArtifacts.contains(entry.zipKey) || !existing.contains(entry.zipKey)
            case .invalid: goes = true
            case .unreadable, .none: goes = false
            }
            if goes {
                plan.doomed.append(key)
                plan.doomedBytes += size
            } else {
                plan.kept.append(key)
                if case .entry(let entry) = entries[key] {
                    plan.keptTrees.formUnion(entry.dependencyTrees.keys)
                    plan.keptTreeZips.formUnion(entry.dependencyTrees.values)
                }
            }
            if case .unreadable = entries[key] { plan.anyUnreadable = true }
        }
        return plan
    }

    /// Reads every entry in `objects` (the listing under the prefix), 16 at once, and decides.
    static func collect(s3: S3, bucket: String, prefix: String, objects: [S3Object],
                        doomedArtifacts: Set<String>) async -> GCCacheEntries {
        let store = ArtifactStore(bucket: bucket, prefix: prefix, region: "")
        let entryObjects = objects.filter { ActionEntry.buildKey(ofObjectKey: $0.key, store: store) != nil }
        var reads: [String: Read] = [:]
        await withTaskGroup(of: (String, Read).self) { group in
            for (index, object) in entryObjects.enumerated() {
                if index >= 16, let (key, read) = await group.next() { reads[key] = read }
                group.addTask {
                    guard let content = try? await s3.getObject(bucket: bucket, key: object.key) else {
                        return (object.key, .unreadable)
                    }
                    return (object.key, ActionEntry.decode(content.body).map(Read.entry) ?? .invalid)
                }
            }
            for await (key, read) in group { reads[key] = read }
        }
        return make(entries: reads, existing: Set(objects.map(\.key)), doomedArtifacts: doomedArtifacts,
                    sizes: Dictionary(entryObjects.map { ($0.key, $0.size ?? 0) }, uniquingKeysWith: { a, _ in a }))
    }
}
