// The contract of a file watcher: roots in, batches of changed paths out.

/// A place to watch: a folder (with everything below it) or a single file.
package struct WatchRoot: Sendable, Hashable, Comparable {
    /// The absolute path.
    package let path: String
    /// True for a folder watched with all its subfolders; false for a file (its folder is
    /// watched, and only changes to the file itself count).
    package let isFolder: Bool

    /// A root.
    package init(path: String, isFolder: Bool) {
        self.path = path
        self.isFolder = isFolder
    }

    /// Whether `candidate` (absolute) is this root or lies inside it.
    package func contains(_ candidate: String) -> Bool {
        if candidate == path { return true }
        guard isFolder else { return false }
        return candidate.hasPrefix(path.hasSuffix("/") ? path : path + "/")
    }

    /// Ordered by path.
    package static func < (lhs: WatchRoot, rhs: WatchRoot) -> Bool {
        lhs.path == rhs.path ? !lhs.isFolder && rhs.isFolder : lhs.path < rhs.path
    }
}

/// Paths that changed (written, created, deleted, renamed, mode changed), as one batch.
package struct FileChangeBatch: Sendable, Hashable {
    /// The absolute paths.
    package var paths: Set<String>
    /// True when the watcher lost events (the kernel queue overflowed): anything may have changed.
    package var overflowed: Bool

    /// A batch.
    package init(paths: Set<String> = [], overflowed: Bool = false) {
        self.paths = paths
        self.overflowed = overflowed
    }

    /// True when nothing is in it.
    package var isEmpty: Bool { paths.isEmpty && !overflowed }

    /// This batch with `other`'s changes added.
    package mutating func merge(_ other: FileChangeBatch) {
        paths.formUnion(other.paths)
        overflowed = overflowed || other.overflowed
    }
}

/// Watches roots and reports changed paths as an `AsyncStream`; the stream ends when the
/// consuming task is cancelled or `stop()` is called.
///
/// Ignored paths (`WatchIgnoreRules`) are never reported and ignored folders are not entered.
/// Implementations: `InotifyWatcher` (Linux) and `PollingWatcher` (everywhere).
package protocol FileWatcher: Sendable {
    /// A short name for messages (`inotify`, `polling`).
    var mechanism: String { get }
    /// Starts watching and returns the changes; call once.
    /// - Throws: `WatchError` when watching cannot start (for inotify: no instance, or the
    ///   watch limit was reached).
    func changes() throws -> AsyncStream<FileChangeBatch>
    /// The number of folders (inotify) or files (polling) being watched.
    var watchedCount: Int { get }
    /// Stops watching and ends the stream.
    func stop()
}
