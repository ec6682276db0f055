import AWSCore
import Foundation

/// How `S3.upload(file:)` splits a file.
package struct MultipartPolicy: Sendable, Equatable {
    /// The smallest part S3 accepts (except the last): 5 MiB.
    package static let minimumPartSize: UInt64 = 5 * 1024 * 1024
    /// S3's largest part number.
    package static let maximumPartCount: UInt64 = 10_000

    /// Files of this size or larger go up in parts.
    package var threshold: UInt64
    /// The size of each part (at least 5 MiB; grown when the file would need more than 10,000 parts).
    package var partSize: UInt64
    /// How many parts are uploaded at the same time.
    package var concurrentParts: Int

    /// A policy; the defaults are an 8 MiB threshold, 8 MiB parts and 4 parts at a time.
    package init(threshold: UInt64 = 8 * 1024 * 1024, partSize: UInt64 = 8 * 1024 * 1024, concurrentParts: Int = 4) {
        self.threshold = threshold
        self.partSize = max(partSize, Self.minimumPartSize)
        self.concurrentParts = max(1, concurrentParts)
    }

    /// The byte ranges (offset, length) of the parts of a file of `size` bytes.
    package func parts(ofSize size: UInt64) -> [(offset: UInt64, length: UInt64)] {
        let neededSize = (size + Self.maximumPartCount - 1) / Self.maximumPartCount
        let size64 = max(partSize, neededSize)
        return stride(from: UInt64(0), to: size, by: Int(size64)).map { offset in
            (offset, min(size64, size - offset))
        }
    }
}

extension S3 {
    /// Uploads a file: in one PutObject below `policy.threshold`, else as a multipart upload whose
    /// parts are byte ranges of the file. A failed or cancelled multipart upload is aborted (the
    /// abort runs even when the calling task was cancelled); `journal` hears of every upload ID.
    package func upload(
        file: URL, bucket: String, key: String, options: PutObjectOptions = PutObjectOptions(),
        policy: MultipartPolicy = MultipartPolicy(), journal: (any MultipartUploadJournal)? = nil
    ) async throws -> PutObjectResult {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        if size < policy.threshold {
            return try await putObject(
                bucket: bucket, key: key, body: .file(file, offset: 0, length: size), options: options)
        }
        let uploadId = try await createMultipartUpload(bucket: bucket, key: key, options: options)
        await journal?.started(bucket: bucket, key: key, uploadId: uploadId)
        do {
            try Task.checkCancellation()
            let completed = try await uploadParts(
                file: file, bucket: bucket, key: key, uploadId: uploadId, ranges: policy.parts(ofSize: size),
                concurrency: policy.concurrentParts, sendContentMD5: options.sendContentMD5)
            let result = try await completeMultipartUpload(
                bucket: bucket, key: key, uploadId: uploadId, parts: completed, onlyIfAbsent: options.onlyIfAbsent)
            await journal?.ended(uploadId: uploadId)
            return result
        } catch {
            // A detached task: a cancelled caller (Ctrl-C) still gets its upload aborted.
            let aborted = await Task.detached { [self] in
                (try? await abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)) != nil
            }.value
            if aborted { await journal?.ended(uploadId: uploadId) }
            throw error
        }
    }

    /// Uploads the byte ranges of a file as parts 1...n, at most `concurrency` at a time.
    private func uploadParts(
        file: URL, bucket: String, key: String, uploadId: String, ranges: [(offset: UInt64, length: UInt64)],
        concurrency: Int, sendContentMD5: Bool
    ) async throws -> [CompletedPart] {
        try await withThrowingTaskGroup(of: CompletedPart.self) { group in
            var completed: [CompletedPart] = []
            for (index, range) in ranges.enumerated() {
                if index >= concurrency, let part = try await group.next() { completed.append(part) }
                group.addTask {
                    try await uploadPart(
                        bucket: bucket, key: key, uploadId: uploadId, partNumber: index + 1,
                        body: .file(file, offset: range.offset, length: range.length), sendContentMD5: sendContentMD5)
                }
            }
            for try await part in group { completed.append(part) }
            return completed.sorted { $0.partNumber < $1.partNumber }
        }
    }
}
