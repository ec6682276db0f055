import Foundation
import Testing
@testable import Pipeline

/// Both watchers against a real temporary folder: writes, creations, renames, new subfolders,
/// and ignored editor files.
@Suite struct FileWatcherTests {
    static func watchers(_ roots: [WatchRoot]) -> [any FileWatcher] {
        var all: [any FileWatcher] = [PollingWatcher(roots: roots, interval: .milliseconds(50))]
        #if canImport(Glibc)
        all.insert(InotifyWatcher(roots: roots), at: 0)
        #endif
        return all
    }

    @Test(arguments: [0, 1])
    func seesWritesCreationsRenamesAndNewSubfolders(index: Int) async throws {
        let folder = try WatchTemporaryFolder()
        let app = try folder.write("src/app.py", "v1\n")
        try folder.write("src/old.py", "old\n")
        let watchers = Self.watchers([WatchRoot(path: folder.absolute("src"), isFolder: true)])
        guard index < watchers.count else { return }
        let watcher = watchers[index]
        let stream = try watcher.changes()
        defer { watcher.stop() }
        #expect(watcher.watchedCount > 0)

        let expected: Set<String> = [app, folder.absolute("src/new.py"), folder.absolute("src/renamed.py"),
                                     folder.absolute("src/pkg/inner/mod.py")]
        let changes = Task { await collect(stream) { $0.isSuperset(of: expected) } }
        // Give polling its first snapshot's successor, and inotify nothing to miss.
        try await Task.sleep(for: .milliseconds(120))
        try folder.write("src/.app.py.swp", "editor\n")
        try folder.write("src/app.py", "v2 longer\n")
        try folder.write("src/new.py", "new\n")
        try FileManager.default.moveItem(atPath: folder.absolute("src/old.py"), toPath: folder.absolute("src/renamed.py"))
        try FileManager.default.createDirectory(atPath: folder.absolute("src/pkg/inner"), withIntermediateDirectories: true)
        try folder.write("src/pkg/inner/mod.py", "mod\n")
        let seen = await changes.value
        #expect(seen.isSuperset(of: expected), "\(watcher.mechanism) saw \(seen.sorted())")
        #expect(!seen.contains(folder.absolute("src/.app.py.swp")))
    }

    @Test(arguments: [0, 1])
    func aFileRootReportsOnlyThatFile(index: Int) async throws {
        let folder = try WatchTemporaryFolder()
        let template = try folder.write("template.yaml", "Resources: {}\n")
        let watchers = Self.watchers([WatchRoot(path: template, isFolder: false)])
        guard index < watchers.count else { return }
        let watcher = watchers[index]
        let stream = try watcher.changes()
        defer { watcher.stop() }
        let changes = Task { await collect(stream) { $0.contains(template) } }
        try await Task.sleep(for: .milliseconds(120))
        try folder.write("notes.txt", "not watched\n")
        try folder.write("template.yaml", "Resources: {A: {Type: AWS::SQS::Queue}}\n")
        let seen = await changes.value
        #expect(seen.contains(template))
        #expect(!seen.contains(folder.absolute("notes.txt")))
    }

    @Test func pollingComparesTimeSizeAndPresence() {
        let old: [String: PollingWatcher.Stamp] = [
            "/a": .init(modified: Date(timeIntervalSince1970: 1), size: 1, isFolder: false),
            "/gone": .init(modified: nil, size: 0, isFolder: false),
            "/dir": .init(modified: Date(timeIntervalSince1970: 1), size: 0, isFolder: true),
        ]
        let new: [String: PollingWatcher.Stamp] = [
            "/a": .init(modified: Date(timeIntervalSince1970: 1), size: 2, isFolder: false),
            "/new": .init(modified: nil, size: 0, isFolder: false),
            "/dir": .init(modified: Date(timeIntervalSince1970: 2), size: 0, isFolder: true),
        ]
        #expect(PollingWatcher.difference(old, new) == ["/a", "/gone", "/new"])
    }
}
