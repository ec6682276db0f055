import Foundation
import Reporting

/// An action entry in the bucket that was found but not used (it did not match, or was not signed).
package struct RemoteCacheRejectedEvent: FerryEvent {
    /// The build key.
    package let buildKey: String
    /// Why it was not used.
    package let reason: String
    /// An event.
    package init(buildKey: String, reason: String) {
        self.buildKey = buildKey
        self.reason = reason
    }
    /// `cache.remote.rejected`.
    package var kind: String { "cache.remote.rejected" }
    /// A warning: a shared entry that does not check out is either damaged or poisoned.
    package var level: EventLevel { .warning }
    /// `remote cache entry <key> not used: <reason>`.
    package var message: String {
        let instead = reason.hasPrefix("dependency tree:") ? "installing it instead" : "building instead"
        return "remote cache entry \(buildKey.prefix(12)) not used: \(reason); \(instead)"
    }
}

/// Action entries written to the bucket after an upload.
package struct RemoteCacheWrittenEvent: FerryEvent {
    /// Entries written.
    package let written: Int
    /// Entries that were already there (listed, or refused by `If-None-Match: *`).
    package let alreadyPresent: Int
    /// Entries whose write failed (the deploy goes on; the cache is an optimisation).
    package let failed: [String]
    /// Dependency trees uploaded with them (`<prefix>/.ferry/deps/`).
    package var treesUploaded = 0
    /// An event.
    package init(written: Int, alreadyPresent: Int, failed: [String]) {
        self.written = written
        self.alreadyPresent = alreadyPresent
        self.failed = failed
    }
    /// `cache.remote.written`.
    package var kind: String { "cache.remote.written" }
    /// Debug unless a write failed.
    package var level: EventLevel { failed.isEmpty ? .debug : .warning }
    /// `remote cache: 3 entries written, 2 already there`.
    package var message: String {
        var text = "remote cache: \(written) entr\(written == 1 ? "y" : "ies") written, \(alreadyPresent) already there"
        if treesUploaded > 0 { text += ", \(treesUploaded) dependency tree\(treesUploaded == 1 ? "" : "s") shared" }
        if !failed.isEmpty { text += ", \(failed.count) failed (\(failed.prefix(3).joined(separator: "; ")))" }
        return text
    }
}

extension RemoteCacheWrittenEvent {
    /// This event with the dependency trees shared before the entries (their failures added).
    package func adding(trees: DependencyTreeWriter.Result) -> RemoteCacheWrittenEvent {
        var event = RemoteCacheWrittenEvent(written: written, alreadyPresent: alreadyPresent,
                                            failed: (failed + trees.failed).sorted())
        event.treesUploaded = trees.uploaded
        return event
    }
}
