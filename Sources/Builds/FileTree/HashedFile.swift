// A file and the SHA-256 of its bytes.
import Crypto

/// A file of a tree with the SHA-256 of its bytes.
package struct HashedFile: Sendable, Hashable {
    /// The file as the walk found it.
    package let entry: FileTreeEntry
    /// SHA-256 of the file's bytes.
    package let sha256: SHA256Digest

    /// A hashed file.
    package init(entry: FileTreeEntry, sha256: SHA256Digest) {
        self.entry = entry
        self.sha256 = sha256
    }
}

/// Hashes file contents with swift-crypto, streaming in chunks, several files at once.
package enum FileHasher {
    /// The default number of files hashed at once.
    package static let defaultConcurrency = 8

    /// SHA-256 of one file's bytes, read in 1 MiB chunks. Fails when the size differs from `expectedSize`.
    package static func sha256(ofFile path: String, expectedSize: UInt64? = nil) throws -> SHA256Digest {
        var hasher = SHA256()
        let count = try POSIX.readChunks(path, sizeHint: expectedSize) { hasher.update(bufferPointer: $0) }
        if let expectedSize, expectedSize != count {
            throw BuildFilesError(.fileChangedWhileReading(path: path, expected: expectedSize, actual: count))
        }
        return SHA256Digest(hasher.finalize())
    }

    /// Hashes every entry of `tree`, at most `concurrency` files at once; the result keeps the tree's order.
    package static func hash(_ tree: FileTree, concurrency: Int = defaultConcurrency) async throws -> [HashedFile] {
        try await hash(tree.entries, concurrency: concurrency)
    }

    /// Hashes `entries`, at most `concurrency` files at once; the result keeps the input order.
    package static func hash(_ entries: [FileTreeEntry], concurrency: Int = defaultConcurrency) async throws -> [HashedFile] {
        let limit = max(1, concurrency)
        var digests = [SHA256Digest?](repeating: nil, count: entries.count)
        try await withThrowingTaskGroup(of: (Int, SHA256Digest).self) { group in
            var next = 0
            func addTask() {
                let index = next
                let entry = entries[index]
                next += 1
                group.addTask {
                    try Task.checkCancellation()
                    return (index, try sha256(ofFile: entry.sourcePath, expectedSize: entry.size))
                }
            }
            while next < entries.count && next < limit { addTask() }
            while let (index, digest) = try await group.next() {
                digests[index] = digest
                if next < entries.count { addTask() }
            }
        }
        return zip(entries, digests).map { HashedFile(entry: $0, sha256: $1!) }
    }
}
