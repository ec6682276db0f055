/// Where an environment's artifacts (zips, packaged templates) are uploaded.
public struct ArtifactSettings: Sendable, Equatable {
    /// The bucket name, with placeholders; nil when not configured (the caller chooses, e.g. a
    /// managed bucket, which is what samconfig's `resolve_s3 = true` asks for).
    public var bucket: PlaceholderTemplate?
    /// The key prefix, with placeholders; empty for the bucket root.
    public var prefix: PlaceholderTemplate
    /// The KMS key for server-side encryption; nil means SSE-S3 (AES256).
    public var kmsKeyID: String?
    /// samconfig's `resolve_s3`: create or reuse a managed bucket when `bucket` is nil.
    public var resolveBucket: Bool
    /// `noncurrent_version_days`: the lifecycle rule of a bucket Ferry creates deletes noncurrent
    /// object versions after this many days (default 30).
    public var noncurrentVersionDays: Int

    /// The default of `noncurrentVersionDays`.
    public static let defaultNoncurrentVersionDays = 30

    /// Creates settings.
    public init(bucket: PlaceholderTemplate?, prefix: PlaceholderTemplate, kmsKeyID: String?, resolveBucket: Bool = false,
                noncurrentVersionDays: Int = ArtifactSettings.defaultNoncurrentVersionDays) {
        self.bucket = bucket
        self.prefix = prefix
        self.kmsKeyID = kmsKeyID
        self.resolveBucket = resolveBucket
        self.noncurrentVersionDays = noncurrentVersionDays
    }
}

/// Artifact location with every placeholder replaced.
public struct ResolvedArtifactLocation: Sendable, Equatable {
    /// The bucket name, or nil when none is configured.
    public var bucket: String?
    /// The key prefix without leading or trailing slashes (may be empty).
    public var prefix: String
    /// The KMS key, or nil for AES256.
    public var kmsKeyID: String?

    /// Creates a location.
    public init(bucket: String?, prefix: String, kmsKeyID: String?) {
        self.bucket = bucket
        self.prefix = prefix
        self.kmsKeyID = kmsKeyID
    }

    /// `prefix/name`, or `name` when the prefix is empty.
    public func key(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix)/\(name)" }
}
