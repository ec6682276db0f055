// The content-addressed blob cache shared by every image build: `.ferry/blobs/sha256/<hex>`.
import Crypto
import Foundation

/// Blobs (layers, configs, manifests) stored under their SHA-256; a blob's name is its digest, so a
/// stored blob is never rewritten and deleting the folder only costs time.
package struct BlobStore: Sendable, Hashable {
    /// The folder holding `sha256/`.
    package let root: String

    /// A store in `root` (normally `<project>/.ferry/blobs`).
    package init(root: String) { self.root = root }

    /// The file of `digest` (`sha256:<hex>`).
    package func path(_ digest: String) -> String {
        joinPath(joinPath(root, "sha256"), String(digest.dropFirst("sha256:".count)))
    }

    /// Whether `digest` is stored.
    package func contains(_ digest: String) -> Bool { POSIX.status(path(digest))?.kind == .regular }

    /// Stores `bytes`, returning their digest.
    @discardableResult
    package func put(_ bytes: [UInt8]) throws -> String {
        let digest = "sha256:" + SHA256Digest(SHA256.hash(data: bytes)).hex
        if contains(digest) { return digest }
        try POSIX.makeDirectories(joinPath(root, "sha256"))
        let temporary = POSIX.temporarySibling(of: path(digest))
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw BuildFilesError(.io(operation: "write", path: temporary, errno: errno))
        }
        try POSIX.rename(temporary, to: path(digest))
        return digest
    }

    /// Moves a finished file whose digest is already known into the store.
    func adopt(_ file: String, digest: String) throws {
        if contains(digest) { POSIX.removeFile(file); return }
        try POSIX.makeDirectories(joinPath(root, "sha256"))
        try POSIX.rename(file, to: path(digest))
    }

    /// A temporary file name inside the store (same file system, so `adopt` is a rename).
    func temporaryFile() throws -> String {
        try POSIX.makeDirectories(joinPath(root, "sha256"))
        return POSIX.temporarySibling(of: joinPath(joinPath(root, "sha256"), "incoming"))
    }

    /// The bytes of `digest`, checked against it.
    package func read(_ digest: String) throws -> [UInt8] {
        try Self.readChecked(path(digest), digest: digest)
    }

    /// Copies the blob at `file` into the store under `digest`, checking its bytes on the way.
    func importChecked(_ file: String, digest: String) throws {
        if contains(digest) { return }
        guard POSIX.status(file)?.kind == .regular else { throw ImageError(.missingBlob(digest: digest, path: file)) }
        let temporary = try temporaryFile()
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw BuildFilesError(.io(operation: "create", path: temporary, errno: errno))
        }
        var hash = SHA256()
        do {
            _ = try POSIX.readChunks(file) { chunk in
                hash.update(bufferPointer: chunk)
                try handle.write(contentsOf: Data(chunk))
            }
            try handle.close()
        } catch {
            POSIX.removeFile(temporary)
            throw error
        }
        let actual = "sha256:" + SHA256Digest(hash.finalize()).hex
        guard actual == digest else {
            POSIX.removeFile(temporary)
            throw ImageError(.digestMismatch(path: file, expected: digest, actual: actual))
        }
        try adopt(temporary, digest: digest)
    }

    /// Reads a whole (small) file and checks its digest.
    static func readChecked(_ file: String, digest: String) throws -> [UInt8] {
        guard POSIX.status(file)?.kind == .regular else { throw ImageError(.missingBlob(digest: digest, path: file)) }
        var bytes: [UInt8] = []
        _ = try POSIX.readChunks(file) { bytes.append(contentsOf: $0) }
        let actual = "sha256:" + SHA256Digest(SHA256.hash(data: bytes)).hex
        guard actual == digest else { throw ImageError(.digestMismatch(path: file, expected: digest, actual: actual)) }
        return bytes
    }
}
