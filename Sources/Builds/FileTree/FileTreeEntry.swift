// One file found by a walk.

/// A regular file found under a folder: where it goes in the archive and where its bytes are read.
package struct FileTreeEntry: Sendable, Hashable {
    /// Slash-separated path relative to the walk's root (the link's path for files reached through a link).
    package let relativePath: String
    /// Absolute path to read the bytes from (link targets already resolved).
    package let sourcePath: String
    /// Size in bytes when the walk saw it.
    package let size: UInt64
    /// True when any execute bit (owner, group, other) is set on the file (or the link's target).
    package let isExecutable: Bool

    /// A file entry.
    package init(relativePath: String, sourcePath: String, size: UInt64, isExecutable: Bool) {
        self.relativePath = relativePath
        self.sourcePath = sourcePath
        self.size = size
        self.isExecutable = isExecutable
    }

    /// The Unix permissions written to a zip: `0o755` for executables, `0o644` otherwise
    /// (setuid, setgid and sticky bits are never kept).
    package var normalizedPermissions: UInt16 { isExecutable ? 0o755 : 0o644 }
}

/// Bytewise UTF-8 order, the order of entries in archives and build keys.
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
