// The result of writing a zip.

/// A written zip: where it is, the SHA-256 of its bytes and its sizes.
package struct ZipArchive: Sendable, Hashable, Codable {
    /// Path of the zip file.
    package let path: String
    /// SHA-256 of the zip's bytes (`sha256.base64` is what Lambda reports as `CodeSha256`).
    package let sha256: SHA256Digest
    /// Size of the zip file in bytes.
    package let size: UInt64
    /// Sum of the entries' uncompressed sizes (what Lambda's 250 MB limit counts).
    package let unzippedSize: UInt64
    /// Number of entries (files; no folder entries are written).
    package let entryCount: Int

    /// A zip description.
    package init(path: String, sha256: SHA256Digest, size: UInt64, unzippedSize: UInt64, entryCount: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.unzippedSize = unzippedSize
        self.entryCount = entryCount
    }
}
