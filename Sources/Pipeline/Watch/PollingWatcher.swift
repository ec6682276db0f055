// File watching by comparing snapshots: works everywhere, costs a walk per interval.
import Foundation
import Synchronization

/// Watches roots by taking a snapshot (modification time, size and kind of every file that is
/// not ignored) every `interval` and reporting the paths that differ; the fallback where inotify
/// is missing or refused.
package final class PollingWatcher: FileWatcher, Sendable {
    /// `polling`.
    package let mechanism = "polling"
    private let roots: [WatchRoot]
    private let ignore: WatchIgnoreRules
    private let interval: Duration
    private let state = Mutex(State())

    private struct State {
        var task: Task<Void, Never>?
        var count = 0
        var stopped = false
    }

    /// What is compared between two snapshots.
    struct Stamp: Hashable, Sendable {
        var modified: Date?
        var size: Int
        var isFolder: Bool
    }

    /// A watcher of `roots` that walks them every `interval` (500 ms by default).
    package init(roots: [WatchRoot], ignore: WatchIgnoreRules = .standard, interval: Duration = .milliseconds(500)) {
        self.roots = roots
        self.ignore = ignore
        self.interval = interval
    }

    /// The files and folders in the last snapshot.
    package var watchedCount: Int { state.withLock { $0.count } }

    /// Takes the first snapshot and starts comparing.
    package func changes() throws -> AsyncStream<FileChangeBatch> {
        let first = snapshot()
        state.withLock { $0.count = first.count }
        let (stream, continuation) = AsyncStream.makeStream(of: FileChangeBatch.self)
        let interval = interval
        let task = Task { [self] in
            var previous = first
            while !Task.isCancelled, !state.withLock({ $0.stopped }) {
                try? await Task.sleep(for: interval)
                let current = snapshot()
                let changed = Self.difference(previous, current)
                previous = current
                state.withLock { $0.count = current.count }
                if !changed.isEmpty { continuation.yield(FileChangeBatch(paths: changed)) }
            }
            continuation.finish()
        }
        state.withLock { $0.task = task }
        continuation.onTermination = { [self] _ in stop() }
        return stream
    }

    /// Stops the comparing task and ends the stream.
    package func stop() {
        let task = state.withLock { state -> Task<Void, Never>? in
            state.stopped = true
            return state.task
        }
        task?.cancel()
    }

    /// The paths whose stamp differs, appeared or disappeared; a folder only when it appeared or
    /// disappeared (its time changes with every file added, ignored ones too).
    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed: Set<String> = []
        for (path, stamp) in new {
            guard let before = old[path] else {
                changed.insert(path)
                continue
            }
            if before != stamp, !(before.isFolder && stamp.isFolder) { changed.insert(path) }
        }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// Every path under the roots that is not ignored, with its stamp.
    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let manager = FileManager.default
        for root in roots {
            guard let attributes = try? manager.attributesOfItem(atPath: root.path) else { continue }
            result[root.path] = Self.stamp(attributes)
            guard root.isFolder, Self.stamp(attributes).isFolder else { continue }
            walk(root.path, root: root.path, into: &result)
        }
        return result
    }

    private func walk(_ folder: String, root: String, into result: inout [String: Stamp]) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
            let stamp = Self.stamp(attributes)
            if ignore.isIgnored(path: path, under: root, isDirectory: stamp.isFolder) { continue }
            result[path] = stamp
            if stamp.isFolder { walk(path, root: root, into: &result) }
        }
    }

    private static func stamp(_ attributes: [FileAttributeKey: Any]) -> Stamp {
        let type = attributes[.type] as? FileAttributeType
        return Stamp(modified: attributes[.modificationDate] as? Date,
                     size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
                     isFolder: type == .typeDirectory)
    }
}
