import Foundation
import Packaging
import Reporting

/// Multipart uploads an interrupted run left behind, aborted (by `ferry package`, `ferry up`, `ferry gc`).
package struct UploadCleanupEvent: FerryEvent {
    /// Incomplete uploads under the prefix older than this (a day) are aborted even when no record
    /// names them; younger ones may belong to a run in progress elsewhere.
    package static let maximumAge: TimeInterval = 24 * 3600

    /// `s3://bucket/key (upload ID)` per aborted upload.
    package let aborted: [String]
    /// Uploads that could not be aborted (kept recorded for the next run).
    package let failures: [String]

    /// The event for `cleanup`.
    package init(_ cleanup: UploadJournal.Cleanup) {
        aborted = cleanup.aborted
        failures = cleanup.failures
    }

    package var kind: String { "upload.cleanup" }
    package var level: EventLevel { failures.isEmpty ? .info : .warning }
    package var message: String {
        var parts: [String] = []
        if !aborted.isEmpty { parts.append("aborted \(aborted.count) incomplete multipart upload(s) an interrupted run left behind") }
        if !failures.isEmpty { parts.append("\(failures.count) could not be aborted (tried again next time)") }
        return parts.joined(separator: "; ")
    }
    package var details: [String] { aborted + failures }
}
