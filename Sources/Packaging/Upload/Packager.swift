import AWSCore
import AWSServices
import Foundation
import Reporting

/// Uploads what a ``PackagePlan`` needs and the bucket lacks: one listing under the prefix, then
/// the missing keys in parallel, each written only if absent (`If-None-Match: *`), encrypted, and
/// with its SHA-256 as S3's checksum (`x-amz-checksum-sha256`) below the multipart threshold.
package struct Packager: Sendable {
    /// What an upload run did.
    package struct Result: Sendable, Equatable {
        /// Keys written.
        package let uploaded: [String]
        /// Keys that were already in the bucket (listed, or refused with 412 by the condition).
        package let alreadyPresent: [String]
        /// Bytes written.
        package let bytesUploaded: UInt64
    }

    /// The S3 client.
    package let s3: S3
    /// Server-side encryption of every object.
    package let encryption: ServerSideEncryption
    /// The most uploads at once.
    package let concurrency: Int
    /// When files go up in parts.
    package let multipart: MultipartPolicy
    /// Where events go.
    package let sink: any EventSink
    /// Hears of every multipart upload started and ended (`.ferry/uploads/`).
    package let journal: (any MultipartUploadJournal)?

    /// A packager; AES256, 8 uploads at once and multipart over 8 MiB by default.
    package init(s3: S3, encryption: ServerSideEncryption = .aes256, concurrency: Int = 8,
                multipart: MultipartPolicy = MultipartPolicy(), journal: (any MultipartUploadJournal)? = nil,
                sink: any EventSink) {
        self.s3 = s3
        self.encryption = encryption
        self.concurrency = max(1, concurrency)
        self.multipart = multipart
        self.journal = journal
        self.sink = sink
    }

    /// Uploads every object of `plan` that is not in the bucket yet.
    /// - Throws: ``PackagingError/uploadFailed(key:source:reason:)`` or the S3 error of the listing.
    package func upload(_ plan: PackagePlan) async throws -> Result {
        let store = plan.store
        let present = try await existingKeys(plan)
        let missing = plan.uploads.filter { !present.contains($0.key) }
        let listed = plan.uploads.count - missing.count
        if listed > 0 { sink.emit(PackageSkippedEvent(count: listed, location: location(store))) }
        let options = PutObjectOptions(serverSideEncryption: encryption, onlyIfAbsent: true)
        // Every upload runs to its end (no sibling is cancelled); the first failure is thrown after.
        let settled = await withTaskGroup(of: Swift.Result<(PlannedUpload, Bool), any Error>.self) { group in
            var settled: [Swift.Result<(PlannedUpload, Bool), any Error>] = []
            for (index, upload) in missing.enumerated() {
                if index >= concurrency, let done = await group.next() { settled.append(done) }
                group.addTask {
                    sink.emit(PackageUploadingEvent(key: upload.key, size: upload.size, origin: upload.origin,
                                                    total: plan.uploads.count))
                    do { return .success((upload, try await put(upload, bucket: store.bucket, options: options))) }
                    catch { return .failure(error) }
                }
            }
            for await done in group { settled.append(done) }
            return settled
        }
        let outcomes = try settled.map { try $0.get() }
        let written = outcomes.filter(\.1).map(\.0)
        let raced = outcomes.filter { !$0.1 }.map(\.0.key)
        let presentKeys = plan.uploads.map(\.key).filter { present.contains($0) } + raced
        return Result(uploaded: written.map(\.key).sorted(), alreadyPresent: presentKeys.sorted(),
                      bytesUploaded: written.reduce(0) { $0 + $1.size })
    }

    /// `s3://bucket/prefix`.
    package func location(_ store: ArtifactStore) -> String {
        store.prefix.isEmpty ? "s3://\(store.bucket)" : "s3://\(store.bucket)/\(store.prefix)/"
    }

    /// The keys of the plan already in the bucket: one listing under the prefix; a HEAD per key
    /// when listing is not allowed.
    private func existingKeys(_ plan: PackagePlan) async throws -> Set<String> {
        let store = plan.store
        let wanted = Set(plan.uploads.map(\.key))
        do {
            let prefix = store.prefix.isEmpty ? nil : store.prefix + "/"
            let listed = try await s3.listObjectsV2(bucket: store.bucket, prefix: prefix)
            return Set(listed.map(\.key)).intersection(wanted)
        } catch let error as AWSError where error.statusCode == 403 {
            var present: Set<String> = []
            for key in wanted.sorted() {
                if try await s3.headObject(bucket: store.bucket, key: key) != nil { present.insert(key) }
            }
            return present
        }
    }

    /// Puts one object; false when it was already there (HTTP 412).
    private func put(_ upload: PlannedUpload, bucket: String, options: PutObjectOptions) async throws -> Bool {
        var options = options
        options.contentType = upload.contentType
        // S3 checks the bytes against the name's hash and keeps it (`x-amz-checksum-sha256`): the
        // remote build cache then trusts an object's name from a HEAD (see `RemoteBuildCache`).
        options.sha256 = upload.sha256.isEmpty ? nil : upload.sha256
        let result: PutObjectResult
        do {
            switch upload.source {
            case .file(let url):
                result = try await s3.upload(file: url, bucket: bucket, key: upload.key, options: options, policy: multipart,
                                             journal: journal)
            case .bytes(let data):
                result = try await s3.putObject(bucket: bucket, key: upload.key, body: .data(data), options: options)
            case .inBucket:
                throw PackagingError.remoteArtifactGone(key: upload.key, origin: upload.origin)
            }
        } catch let error as PackagingError {
            throw error
        } catch {
            throw PackagingError.uploadFailed(key: upload.key, source: upload.origin, reason: "\(error)")
        }
        guard case .written = result else { return false }
        sink.emit(PackageUploadedEvent(key: upload.key, size: upload.size, origin: upload.origin))
        return true
    }
}
