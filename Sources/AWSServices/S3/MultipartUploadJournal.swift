import Foundation

/// Told when a multipart upload starts and when it is over (completed or aborted), so that one
/// cut short (Ctrl-C, `kill -9`) can be aborted later.
package protocol MultipartUploadJournal: Sendable {
    /// `uploadId` was created for `bucket`/`key`.
    func started(bucket: String, key: String, uploadId: String) async
    /// `uploadId` was completed or aborted: nothing is left behind.
    func ended(uploadId: String) async
}
