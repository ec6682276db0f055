import Foundation
import Reporting

/// One object uploaded to the artifact bucket.
package struct PackageUploadedEvent: FerryEvent {
    /// The object key.
    package let key: String
    /// Its size in bytes.
    package let size: UInt64
    /// What it is (`Root/OCRFunction CodeUri`).
    package let origin: String
    /// An event.
    package init(key: String, size: UInt64, origin: String) {
        self.key = key
        self.size = size
        self.origin = origin
    }
    /// `package.uploaded`.
    package var kind: String { "package.uploaded" }
    /// Info.
    package var level: EventLevel { .info }
    /// `uploaded Root/OCRFunction CodeUri → key (1.2 MB)`.
    package var message: String { "uploaded \(origin) → \(key) (\(ByteText.format(size)))" }
}

/// One object starts going up to the artifact bucket (for the live region on a terminal).
package struct PackageUploadingEvent: FerryEvent {
    /// The object key.
    package let key: String
    /// Its size in bytes.
    package let size: UInt64
    /// What it is (`Root/OCRFunction CodeUri`).
    package let origin: String
    /// Objects of the plan in all (those already in the bucket included).
    package let total: Int
    /// An event.
    package init(key: String, size: UInt64, origin: String, total: Int) {
        self.key = key
        self.size = size
        self.origin = origin
        self.total = total
    }
    /// `package.uploading`.
    package var kind: String { "package.uploading" }
    /// Debug: the uploaded line says it.
    package var level: EventLevel { .debug }
    /// `uploading Root/OCRFunction CodeUri (1.2 MB)`.
    package var message: String { "uploading \(origin) (\(ByteText.format(size)))" }
}

/// The objects already in the bucket, which were not uploaded again.
package struct PackageSkippedEvent: FerryEvent {
    /// How many.
    package let count: Int
    /// `s3://bucket/prefix`.
    package let location: String
    /// An event.
    package init(count: Int, location: String) {
        self.count = count
        self.location = location
    }
    /// `package.skipped`.
    package var kind: String { "package.skipped" }
    /// Debug: the summary says it too.
    package var level: EventLevel { .debug }
    /// `12 object(s) already in s3://...`.
    package var message: String { "\(count) object(s) already in \(location)" }
}

/// What `ferry package` did.
package struct PackageSummaryEvent: FerryEvent {
    /// Objects uploaded.
    package let uploaded: Int
    /// Objects already there.
    package let alreadyPresent: Int
    /// Bytes uploaded.
    package let bytesUploaded: UInt64
    /// `s3://bucket/prefix`.
    package let location: String
    /// The packaged root template on disk.
    package let templatePath: String
    /// An event.
    package init(uploaded: Int, alreadyPresent: Int, bytesUploaded: UInt64, location: String, templatePath: String) {
        self.uploaded = uploaded
        self.alreadyPresent = alreadyPresent
        self.bytesUploaded = bytesUploaded
        self.location = location
        self.templatePath = templatePath
    }
    /// `package.summary`.
    package var kind: String { "package.summary" }
    /// Success.
    package var level: EventLevel { .success }
    /// `3 uploaded (1.2 MB), 10 already in s3://...; packaged template: ...`.
    package var message: String {
        "\(uploaded) uploaded (\(ByteText.format(bytesUploaded))), \(alreadyPresent) already in \(location); "
            + "packaged template: \(templatePath)"
    }
}

/// The artifact bucket was created.
package struct BucketCreatedEvent: FerryEvent {
    /// The bucket.
    package let bucket: String
    /// Its region.
    package let region: String
    /// True when the TLS-only policy was set (not over a plain-HTTP endpoint).
    package let tlsOnly: Bool
    /// An event.
    package init(bucket: String, region: String, tlsOnly: Bool = true) {
        self.bucket = bucket
        self.region = region
        self.tlsOnly = tlsOnly
    }
    /// `bucket.created`.
    package var kind: String { "bucket.created" }
    /// Success.
    package var level: EventLevel { .success }
    /// `created s3://bucket in region (versioned, encrypted, public access blocked, TLS only)`.
    package var message: String {
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
