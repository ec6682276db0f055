// Linux file watching through inotify: one watch per folder, added as folders appear.
#if canImport(Glibc)
import Foundation
import Glibc
import Synchronization

/// Watches roots with inotify (Linux): `inotify_add_watch` on every folder below each folder
/// root (ignored folders are not entered) and on the folder of each file root; folders created
/// later are watched as they appear, and the files already in them are reported.
///
/// A reader thread waits on the descriptor with `poll` (200 ms), so `stop()` ends it promptly.
package final class InotifyWatcher: FileWatcher, Sendable {
    /// `inotify`.
    package let mechanism = "inotify"
    private let roots: [WatchRoot]
    private let ignore: WatchIgnoreRules
    private let state = Mutex(State())

    private struct State {
        var descriptor: Int32 = -1
        var folders: [Int32: String] = [:]
        var stopped = false
    }

    private static let folderMask: UInt32 = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800 | 0x0100_0000
    private static let created: UInt32 = 0x100
    private static let movedTo: UInt32 = 0x80
    private static let overflow: UInt32 = 0x4000
    private static let ignoredWatch: UInt32 = 0x8000
    private static let isFolderBit: UInt32 = 0x4000_0000

    /// A watcher of `roots` that skips what `ignore` says.
    package init(roots: [WatchRoot], ignore: WatchIgnoreRules = .standard) {
        self.roots = roots
        self.ignore = ignore
    }

    /// The folders watched.
    package var watchedCount: Int { state.withLock { $0.folders.count } }

    /// Creates the inotify instance and its watches, then starts the reader thread.
    /// - Throws: `WatchError` when `inotify_init1` fails or the watch limit is reached (ENOSPC).
    package func changes() throws -> AsyncStream<FileChangeBatch> {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError.unavailable("inotify", call: "inotify_init1", errno: errno) }
        state.withLock { $0.descriptor = descriptor }
        do {
            for root in roots {
                if root.isFolder {
                    _ = try addTree(root.path, followingLink: true)
                } else {
                    try addFolder((root.path as NSString).deletingLastPathComponent)
                }
            }
        } catch {
            close(descriptor)
            state.withLock { $0.descriptor = -1 }
            throw error
        }
        let (stream, continuation) = AsyncStream.makeStream(of: FileChangeBatch.self)
        continuation.onTermination = { [self] _ in stop() }
        let thread = Thread { [self] in
            readLoop(descriptor, continuation)
        }
        thread.name = "ferry-watch-inotify"
        thread.start()
        return stream
    }

    /// Ends the reader thread (within 200 ms) and the stream.
    package func stop() {
        state.withLock { $0.stopped = true }
    }

    private func readLoop(_ descriptor: Int32, _ continuation: AsyncStream<FileChangeBatch>.Continuation) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !state.withLock({ $0.stopped }) {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            let batch = parse(buffer[0..<count])
            if !batch.isEmpty { continuation.yield(batch) }
        }
        close(descriptor)
        state.withLock {
            $0.descriptor = -1
            $0.folders = [:]
        }
        continuation.finish()
    }

    /// Turns raw `inotify_event` records into a batch, watching new folders on the way.
    private func parse(_ bytes: ArraySlice<UInt8>) -> FileChangeBatch {
        var batch = FileChangeBatch()
        var offset = bytes.startIndex
        while offset + 16 <= bytes.endIndex {
            let watch = Int32(bitPattern: Self.uint32(bytes, offset))
            let mask = Self.uint32(bytes, offset + 4)
            let length = Int(Self.uint32(bytes, offset + 12))
            let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, bytes.endIndex)].prefix { $0 != 0 }
            offset += 16 + length
            if mask & Self.overflow != 0 {
                batch.overflowed = true
                continue
            }
            if mask & Self.ignoredWatch != 0 {
                state.withLock { _ = $0.folders.removeValue(forKey: watch) }
                continue
            }
            guard let folder = state.withLock({ $0.folders[watch] }) else { continue }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let path = name.isEmpty ? folder : folder + "/" + name
            let isFolder = mask & Self.isFolderBit != 0
            guard let root = roots.first(where: { $0.contains(path) }),
                  !ignore.isIgnored(path: path, under: root.isFolder ? root.path : folder, isDirectory: isFolder)
            else { continue }
            if isFolder, mask & (Self.created | Self.movedTo) != 0, root.isFolder {
                // Files can land in a new folder before its watch exists: report what is there.
                if let files = try? addTree(path) { batch.paths.formUnion(files) }
            }
            batch.paths.insert(path)
        }
        return batch
    }

    /// Watches `folder` and every folder below it that is not ignored; returns the files found.
    private func addTree(_ folder: String, followingLink: Bool = false) throws -> [String] {
        guard Self.isFolder(folder, followingLink: followingLink) else { return [] }
        try addFolder(folder)
        var files: [String] = []
        let root = roots.first { $0.isFolder && $0.contains(folder) }?.path ?? folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            let isFolder = Self.isFolder(path)
            if ignore.isIgnored(path: path, under: root, isDirectory: isFolder) { continue }
            if isFolder {
                files += try addTree(path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    private func addFolder(_ folder: String) throws {
        let descriptor = state.withLock { $0.descriptor }
        let watch = inotify_add_watch(descriptor, folder, Self.folderMask)
        if watch < 0 {
            let code = errno
            if code == ENOSPC { throw WatchError.watchLimit(at: folder) }
            if code == ENOENT || code == ENOTDIR || code == EACCES { return }
            throw WatchError.unavailable("inotify", call: "inotify_add_watch \(folder)", errno: code)
        }
        state.withLock { $0.folders[watch] = folder }
    }

    /// True for a folder (symbolic links are followed only when asked, for roots, so link cycles
    /// cannot trap the walk).
    static func isFolder(_ path: String, followingLink: Bool = false) -> Bool {
        var status = stat()
        let result = followingLink ? stat(path, &status) : lstat(path, &status)
        return result == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private static func uint32(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
#endif
