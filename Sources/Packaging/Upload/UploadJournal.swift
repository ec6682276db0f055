import AWSCore
import AWSServices
import Foundation
import Synchronization

/// The multipart uploads Ferry starts, recorded under `.ferry/uploads/` (one JSON file each) while
/// they run, so that none is left behind: Ctrl-C aborts the active ones (`abortActive`), and after
/// a `kill -9` the next `ferry package` / `ferry up` / `ferry gc` aborts the recorded ones and the
/// prefix's incomplete uploads older than a day (`cleanUp`).
package final class UploadJournal: MultipartUploadJournal {
    /// One recorded upload.
    package struct Record: Codable, Sendable, Equatable {
        package var bucket: String
        package var key: String
        package var uploadId: String
        package var started: Date
    }

    /// What `cleanUp` aborted and what it could not.
    package struct Cleanup: Sendable, Equatable {
        /// `s3://bucket/key (upload ID)` per aborted upload.
        package var aborted: [String] = []
        /// Why an upload could not be aborted (it stays recorded for the next run).
        package var failures: [String] = []
    }

    /// `.ferry/uploads/`.
    package let folder: URL
    private let active = Mutex<[String: (record: Record, file: URL)]>([:])

    /// The journal of the project at `projectRoot`.
    package init(projectRoot: URL) {
        folder = projectRoot.appendingPathComponent(".ferry/uploads", isDirectory: true)
    }

    package func started(bucket: String, key: String, uploadId: String) async {
        let record = Record(bucket: bucket, key: key, uploadId: uploadId, started: Date())
        let file = folder.appendingPathComponent("\(UUID().uuidString).json")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let data = try? Self.encoder.encode(record) { try? data.write(to: file, options: .atomic) }
        active.withLock { $0[uploadId] = (record, file) }
    }

    package func ended(uploadId: String) async {
        let entry = active.withLock { $0.removeValue(forKey: uploadId) }
        if let file = entry?.file { try? FileManager.default.removeItem(at: file) }
    }

    /// The uploads of this run still in progress.
    package var inProgress: [Record] { active.withLock { $0.values.map(\.record) } }

    /// Aborts the uploads of this run still in progress (Ctrl-C); returns how many were aborted.
    @discardableResult
    package func abortActive(s3: S3) async -> Int {
        var count = 0
        for record in inProgress {
            do {
                try await s3.abortMultipartUpload(bucket: record.bucket, key: record.key, uploadId: record.uploadId)
                count += 1
                await ended(uploadId: record.uploadId)
            } catch where Self.isGone(error) {
                await ended(uploadId: record.uploadId)
            } catch {}
        }
        return count
    }

    /// The uploads earlier runs recorded and never ended (files of this run are not among them).
    package func recorded() -> [(record: Record, file: URL)] {
        let own = Set(active.withLock { $0.values.map(\.file.lastPathComponent) })
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" && !own.contains($0.lastPathComponent) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .compactMap { file in
                guard let data = try? Data(contentsOf: file), let record = try? Self.decoder.decode(Record.self, from: data) else { return nil }
                return (record, file)
            }
    }

    /// Aborts what interrupted runs left behind in `bucket`: every recorded upload, and the
    /// uploads under `prefix` started before `olderThan` (a day ago: not one running elsewhere now).
    package func cleanUp(s3: S3, bucket: String, prefix: String, olderThan: Date) async -> Cleanup {
        var cleanup = Cleanup()
        var done = Set<String>()
        for (record, file) in recorded() where record.bucket == bucket {
            do {
                try await s3.abortMultipartUpload(bucket: record.bucket, key: record.key, uploadId: record.uploadId)
                cleanup.aborted.append("s3://\(record.bucket)/\(record.key) (\(record.uploadId))")
            } catch where Self.isGone(error) {
                // Completed or aborted meanwhile: nothing left.
            } catch {
                cleanup.failures.append("s3://\(record.bucket)/\(record.key) (\(record.uploadId)): \(error)")
                continue
            }
            done.insert(record.uploadId)
            try? FileManager.default.removeItem(at: file)
        }
        let listPrefix = prefix.isEmpty ? nil : prefix + "/"
        guard let listed = try? await s3.listMultipartUploads(bucket: bucket, prefix: listPrefix) else { return cleanup }
        let running = Set(inProgress.map(\.uploadId))
        for upload in listed where !done.contains(upload.uploadId) && !running.contains(upload.uploadId) {
            guard let initiated = upload.initiated, initiated < olderThan else { continue }
            do {
                try await s3.abortMultipartUpload(bucket: bucket, key: upload.key, uploadId: upload.uploadId)
                cleanup.aborted.append("s3://\(bucket)/\(upload.key) (\(upload.uploadId))")
            } catch where Self.isGone(error) {
            } catch {
                cleanup.failures.append("s3://\(bucket)/\(upload.key) (\(upload.uploadId)): \(error)")
            }
        }
        return cleanup
    }

    /// Whether the upload no longer exists (`NoSuchUpload`, 404).
    static func isGone(_ error: any Error) -> Bool {
        S3.isNoSuchUpload(error)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
