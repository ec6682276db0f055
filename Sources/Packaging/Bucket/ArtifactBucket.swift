import AWSCore
import AWSServices
import Foundation
import Reporting

/// The artifact bucket: checks it is usable, and creates it hardened when asked.
package struct ArtifactBucket: Sendable {
    /// The S3 client.
    package let s3: S3
    /// The bucket.
    package let bucket: String
    /// The region it must be in.
    package let region: String
    /// Where events go.
    package let sink: any EventSink
    /// False when S3 is reached over plain HTTP (a local emulator): a TLS-only policy would then
    /// deny every request, so it is not set.
    package let endpointUsesTLS: Bool

    /// A bucket in `region`.
    package init(s3: S3, bucket: String, region: String, endpointUsesTLS: Bool = true, sink: any EventSink) {
        self.s3 = s3
        self.bucket = bucket
        self.region = region
        self.endpointUsesTLS = endpointUsesTLS
        self.sink = sink
    }

    /// Makes sure the bucket exists and can be used; creates it when `create` is true and it is missing.
    /// - Returns: true when the bucket was created.
    /// - Throws: ``PackagingError`` (`bucketMissing`, `bucketForbidden`, `bucketInOtherRegion`) or an S3 error.
    @discardableResult
    package func ensure(create: Bool, encryption: ServerSideEncryption = .aes256,
                       noncurrentVersionDays: Int = 30) async throws -> Bool {
        switch try await s3.headBucket(bucket) {
        case .exists(let bucketRegion):
            if let bucketRegion, !bucketRegion.isEmpty, bucketRegion != region {
                throw PackagingError.bucketInOtherRegion(bucket, bucketRegion: bucketRegion, region: region)
            }
            return false
        case .forbidden:
            throw PackagingError.bucketForbidden(bucket)
        case .notFound:
            guard create else { throw PackagingError.bucketMissing(bucket) }
            try await self.create(encryption: encryption, noncurrentVersionDays: noncurrentVersionDays)
            return true
        }
    }

    /// Creates the bucket with versioning, default encryption, every public access blocked, a
    /// policy denying requests without TLS (not over a plain-HTTP endpoint, which it would lock out)
    /// and lifecycle rules: incomplete multipart uploads are aborted after a day, noncurrent
    /// versions deleted after `noncurrentVersionDays`.
    package func create(encryption: ServerSideEncryption = .aes256, noncurrentVersionDays: Int = 30) async throws {
        do {
            try await s3.createBucket(bucket, region: region)
        } catch where S3.isBucketAlreadyOwnedByYou(error) {
            // Created by a concurrent run: harden it all the same.
        } catch where S3.isBucketAlreadyExists(error) {
            throw PackagingError.bucketForbidden(bucket)
        }
        try await s3.putBucketVersioning(bucket, enabled: true)
        try await s3.putBucketEncryption(bucket, encryption: encryption)
        try await s3.putPublicAccessBlock(bucket)
        try await s3.putBucketLifecycleConfiguration(bucket, rules: Self.lifecycleRules(noncurrentVersionDays: noncurrentVersionDays))
        if endpointUsesTLS {
            let partition = region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"
            try await s3.putBucketPolicy(bucket, policy: S3.tlsOnlyPolicy(bucket: bucket, partition: partition))
        }
        sink.emit(BucketCreatedEvent(bucket: bucket, region: region, tlsOnly: endpointUsesTLS))
    }

    /// The lifecycle rules of a bucket Ferry creates.
    package static func lifecycleRules(noncurrentVersionDays: Int) -> [S3LifecycleRule] {
        [
            S3LifecycleRule(id: "ferry-abort-incomplete-multipart-uploads", abortIncompleteMultipartUploadDays: 1),
            S3LifecycleRule(id: "ferry-expire-noncurrent-versions", noncurrentVersionExpirationDays: noncurrentVersionDays),
        ]
    }
}
