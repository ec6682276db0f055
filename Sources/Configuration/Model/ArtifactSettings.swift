/// Where an environment's artifacts (zips, packaged templates) are uploaded.
package struct ArtifactSettings: Sendable, Equatable {
    /// The bucket name, with placeholders; nil when not configured (the caller chooses, e.g. a
    /// managed bucket, which is what samconfig's `resolve_s3 = true` asks for).
    package var bucket: PlaceholderTemplate?
    /// The key prefix, with placeholders; empty for the bucket root.
    package var prefix: PlaceholderTemplate
    /// The KMS key for server-side encryption; nil means SSE-S3 (AES256).
    package var kmsKeyID: String?
    /// samconfig's `resolve_s3`: create or reuse a managed bucket when `bucket` is nil.
    package var resolveBucket: Bool
    /// `noncurrent_version_days`: the lifecycle rule of a bucket Ferry creates deletes noncurrent
    /// object versions after this many days (default 30).
    package var noncurrentVersionDays: Int

    /// The default of `noncurrentVersionDays`.
    package static let defaultNoncurrentVersionDays = 30

    /// Whether Ferry chooses the bucket: `resolve_s3` without `s3_bucket`. The bucket is then
    /// SAM's managed bucket when its stack exists (the Pipeline adopts it), else `managedBucketName`,
    /// created on first use with the same hardening as `--create-bucket`.
    package var isManaged: Bool { bucket == nil && resolveBucket }

    /// The managed bucket's name: one per account and region, valid for S3 whatever the region
    /// (at most `ferry-artifacts-` + 12 digits + `-` + the region: well under 63 characters).
    package static let managedBucketName = "ferry-artifacts-{account}-{region}"

    /// The bucket to use: the configured one, else the managed one when `resolve_s3` asks for it.
    package var effectiveBucket: PlaceholderTemplate? {
        if let bucket { return bucket }
        return resolveBucket ? try? PlaceholderTemplate(Self.managedBucketName) : nil
    }

    /// Creates settings.
    package init(bucket: PlaceholderTemplate?, prefix: PlaceholderTemplate, kmsKeyID: String?, resolveBucket: Bool = false,
                noncurrentVersionDays: Int = ArtifactSettings.defaultNoncurrentVersionDays) {
        self.bucket = bucket
        self.prefix = prefix
        self.kmsKeyID = kmsKeyID
        self.resolveBucket = resolveBucket
        self.noncurrentVersionDays = noncurrentVersionDays
    }
}

/// Artifact location with every placeholder replaced.
package struct ResolvedArtifactLocation: Sendable, Equatable {
    /// The bucket name, or nil when none is configured.
    package var bucket: String?
    /// The key prefix without leading or trailing slashes (may be empty).
    package var prefix: String
    /// The KMS key, or nil for AES256.
    package var kmsKeyID: String?

    /// Creates a location.
    package init(bucket: String?, prefix: String, kmsKeyID: String?) {
        self.bucket = bucket
        self.prefix = prefix
        self.kmsKeyID = kmsKeyID
    }

    /// `prefix/name`, or `name` when the prefix is empty.
    package func key(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix)/\(name)" }
}
