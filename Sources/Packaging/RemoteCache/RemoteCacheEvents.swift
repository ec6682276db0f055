import Foundation
import Reporting

/// An action entry in the bucket that was found but not used (it did not match, or was not signed).
public struct RemoteCacheRejectedEvent: FerryEvent {
    /// The build key.
    public let buildKey: String
    /// Why it was not used.
    public let reason: String
    /// An event.
    public init(buildKey: String, reason: String) {
        self.buildKey = buildKey
        self.reason = reason
    }
    /// `cache.remote.rejected`.
    public var kind: String { "cache.remote.rejected" }
    /// A warning: a shared entry that does not check out is either damaged or poisoned.
    public var level: EventLevel { .warning }
    /// `remote cache entry <key> not used: <reason>`.
    public var message: String { "remote cache entry \(buildKey.prefix(12)) not used: \(reason); building instead" }
}

/// Action entries written to the bucket after an upload.
public struct RemoteCacheWrittenEvent: FerryEvent {
    /// Entries written.
    public let written: Int
    /// Entries that were already there (listed, or refused by `If-None-Match: *`).
    public let alreadyPresent: Int
    /// Entries whose write failed (the deploy goes on; the cache is an optimisation).
    public let failed: [String]
    /// An event.
    public init(written: Int, alreadyPresent: Int, failed: [String]) {
        self.written = written
        self.alreadyPresent = alreadyPresent
        self.failed = failed
    }
    /// `cache.remote.written`.
    public var kind: String { "cache.remote.written" }
    /// Debug unless a write failed.
    public var level: EventLevel { failed.isEmpty ? .debug : .warning }
    /// `remote cache: 3 entries written, 2 already there`.
    public var message: String {
        var text = "remote cache: \(written) entr\(written == 1 ? "y" : "ies") written, \(alreadyPresent) already there"
        if !failed.isEmpty { text += ", \(failed.count) failed (\(failed.prefix(3).joined(separator: "; ")))" }
        return text
    }
}
