import Foundation

/// One object to put into the artifact bucket, named by the SHA-256 of its bytes.
package struct PlannedUpload: Sendable, Hashable {
    /// Where the bytes come from.
    package enum Source: Sendable, Hashable {
        /// A file on disk (a built zip, a zipped folder, a file uploaded as is).
        case file(URL)
        /// Bytes in memory (a packaged template).
        case bytes(Data)
        /// No bytes here: the remote build cache found the object in the bucket (it is only
        /// referenced; if it has gone, uploading fails and says to build without the remote cache).
        case inBucket
    }

    /// The object key (`<prefix>/<sha256>.<ext>`).
    package let key: String
    /// The SHA-256 of the bytes (hex).
    package let sha256: String
    /// The size in bytes.
    package let size: UInt64
    /// Where the bytes come from.
    package let source: Source
    /// The `Content-Type` to store (`application/zip`, `text/yaml`, ...); nil lets S3 choose.
    package let contentType: String?
    /// What it is, for messages (`Root/Pattern2Stack/OCRFunction CodeUri`).
    package let origin: String

    /// An upload.
    package init(key: String, sha256: String, size: UInt64, source: Source, contentType: String?, origin: String) {
        self.key = key
        self.sha256 = sha256
        self.size = size
        self.source = source
        self.contentType = contentType
        self.origin = origin
    }
}

/// One property rewritten in a packaged template.
package struct RewrittenProperty: Sendable, Hashable {
    /// The stack whose template holds it.
    package let stackPath: String
    /// The path from the template root (`Resources.Fn.Properties.CodeUri`).
    package let templatePath: [String]
    /// The resource type (or metadata section, or `Fn::Transform`).
    package let resourceType: String
    /// The object the property now points at.
    package let key: String
    /// The local path it pointed at.
    package let localPath: String
}

/// A stack's template after packaging.
package struct PackagedStack: Sendable, Hashable {
    /// The stack path (`Root/Pattern2Stack`).
    package let stackPath: String
    /// The template file it was packaged from.
    package let sourceTemplate: URL
    /// The packaged template's bytes (YAML, written by `YAMLTemplateWriter`).
    package let body: Data
    /// Its object key (`<prefix>/<sha256>.template`).
    package let key: String
    /// Its URL, as a parent's `TemplateURL` (or `deploy --template-url`) takes it.
    package let templateURL: String
}
