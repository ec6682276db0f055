import Foundation

/// One object to put into the artifact bucket, named by the SHA-256 of its bytes.
public struct PlannedUpload: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Source: Sendable, Hashable {
        /// A file on disk (a built zip, a zipped folder, a file uploaded as is).
        case file(URL)
        /// Bytes in memory (a packaged template).
        case bytes(Data)
        /// No bytes here: the remote build cache found the object in the bucket (it is only
        /// referenced; if it has gone, uploading fails and says to build without the remote cache).
        case inBucket
    }

    /// The object key (`<prefix>/<sha256>.<ext>`).
    public let key: String
    /// The SHA-256 of the bytes (hex).
    public let sha256: String
    /// The size in bytes.
    public let size: UInt64
    /// Where the bytes come from.
    public let source: Source
    /// The `Content-Type` to store (`application/zip`, `text/yaml`, ...); nil lets S3 choose.
    public let contentType: String?
    /// What it is, for messages (`Root/Pattern2Stack/OCRFunction CodeUri`).
    public let origin: String

    /// An upload.
    public init(key: String, sha256: String, size: UInt64, source: Source, contentType: String?, origin: String) {
        self.key = key
        self.sha256 = sha256
        self.size = size
        self.source = source
        self.contentType = contentType
        self.origin = origin
    }
}

/// One property rewritten in a packaged template.
public struct RewrittenProperty: Sendable, Hashable {
    /// The stack whose template holds it.
    public let stackPath: String
    /// The path from the template root (`Resources.Fn.Properties.CodeUri`).
    public let templatePath: [String]
    /// The resource type (or metadata section, or `Fn::Transform`).
    public let resourceType: String
    /// The object the property now points at.
    public let key: String
    /// The local path it pointed at.
    public let localPath: String
}

/// A stack's template after packaging.
public struct PackagedStack: Sendable, Hashable {
    /// The stack path (`Root/Pattern2Stack`).
    public let stackPath: String
    /// The template file it was packaged from.
    public let sourceTemplate: URL
    /// The packaged template's bytes (YAML, written by `YAMLTemplateWriter`).
    public let body: Data
    /// Its object key (`<prefix>/<sha256>.template`).
    public let key: String
    /// Its URL, as a parent's `TemplateURL` (or `deploy --template-url`) takes it.
    public let templateURL: String
}
