import Foundation
import Reporting

/// One object uploaded to the artifact bucket.
public struct PackageUploadedEvent: FerryEvent {
    /// The object key.
    public let key: String
    /// Its size in bytes.
    public let size: UInt64
    /// What it is (`Root/OCRFunction CodeUri`).
    public let origin: String
    /// An event.
    public init(key: String, size: UInt64, origin: String) {
        self.key = key
        self.size = size
        self.origin = origin
    }
    /// `package.uploaded`.
    public var kind: String { "package.uploaded" }
    /// Info.
    public var level: EventLevel { .info }
    /// `uploaded Root/OCRFunction CodeUri → key (1.2 MB)`.
    public var message: String { "uploaded \(origin) → \(key) (\(ByteText.format(size)))" }
}

/// One object starts going up to the artifact bucket (for the live region on a terminal).
public struct PackageUploadingEvent: FerryEvent {
    /// The object key.
    public let key: String
    /// Its size in bytes.
    public let size: UInt64
    /// What it is (`Root/OCRFunction CodeUri`).
    public let origin: String
    /// Objects of the plan in all (those already in the bucket included).
    public let total: Int
    /// An event.
    public init(key: String, size: UInt64, origin: String, total: Int) {
        self.key = key
        self.size = size
        self.origin = origin
        self.total = total
    }
    /// `package.uploading`.
    public var kind: String { "package.uploading" }
    /// Debug: the uploaded line says it.
    public var level: EventLevel { .debug }
    /// `uploading Root/OCRFunction CodeUri (1.2 MB)`.
    public var message: String { "uploading \(origin) (\(ByteText.format(size)))" }
}

/// The objects already in the bucket, which were not uploaded again.
public struct PackageSkippedEvent: FerryEvent {
    /// How many.
    public let count: Int
    /// `s3://bucket/prefix`.
    public let location: String
    /// An event.
    public init(count: Int, location: String) {
        self.count = count
        self.location = location
    }
    /// `package.skipped`.
    public var kind: String { "package.skipped" }
    /// Debug: the summary says it too.
    public var level: EventLevel { .debug }
    /// `12 object(s) already in s3://...`.
    public var message: String { "\(count) object(s) already in \(location)" }
}

/// What `ferry package` did.
public struct PackageSummaryEvent: FerryEvent {
    /// Objects uploaded.
    public let uploaded: Int
    /// Objects already there.
    public let alreadyPresent: Int
    /// Bytes uploaded.
    public let bytesUploaded: UInt64
    /// `s3://bucket/prefix`.
    public let location: String
    /// The packaged root template on disk.
    public let templatePath: String
    /// An event.
    public init(uploaded: Int, alreadyPresent: Int, bytesUploaded: UInt64, location: String, templatePath: String) {
        self.uploaded = uploaded
        self.alreadyPresent = alreadyPresent
        self.bytesUploaded = bytesUploaded
        self.location = location
        self.templatePath = templatePath
    }
    /// `package.summary`.
    public var kind: String { "package.summary" }
    /// Success.
    public var level: EventLevel { .success }
    /// `3 uploaded (1.2 MB), 10 already in s3://...; packaged template: ...`.
    public var message: String {
        "\(uploaded) uploaded (\(ByteText.format(bytesUploaded))), \(alreadyPresent) already in \(location); "
            + "packaged template: \(templatePath)"
    }
}

/// The artifact bucket was created.
public struct BucketCreatedEvent: FerryEvent {
    /// The bucket.
    public let bucket: String
    /// Its region.
    public let region: String
    /// True when the TLS-only policy was set (not over a plain-HTTP endpoint).
    public let tlsOnly: Bool
    /// An event.
    public init(bucket: String, region: String, tlsOnly: Bool = true) {
        self.bucket = bucket
        self.region = region
        self.tlsOnly = tlsOnly
    }
    /// `bucket.created`.
    public var kind: String { "bucket.created" }
    /// Success.
    public var level: EventLevel { .success }
    /// `created s3://bucket in region (versioned, encrypted, public access blocked, TLS only)`.
    public var message: String {
        "created s3://\(bucket) in \(region) (versioned, encrypted, public access blocked"
            + (tlsOnly ? ", TLS only)" : "; no TLS-only policy: the endpoint is plain HTTP)")
    }
}

/// Byte counts for people.
enum ByteText {
    /// `512 B`, `1.2 KB`, `3.4 MB`.
    static func format(_ bytes: UInt64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var index = 0
        while value >= 1024 && index < units.count - 1 {
            value /= 1024
            index += 1
        }
        return String(format: "%.1f %@", value, units[index])
    }
}
