// Installed dependency trees, each installed once per key and shared by every build that needs it.
import Foundation
import Synchronization

/// A content-addressed store of installed dependency trees (`<folder>/<key>/tree/` with the same
/// files deflated once in `<folder>/<key>/entries.zip`), shared by every build of one
/// `PythonBuilder` and by later runs (`.ferry/deps/` of the project).
///
/// The key (`PythonDependencyKey`) hashes everything that decides what pip installs, so a stored
/// tree is the one a fresh install would give: deleting the folder only costs time. An entry appears
/// whole or not at all (filled in a temporary folder, then renamed into place), and builds of the
/// same key that overlap in one process share a single install. Without `reusesStoredTrees`
/// (`--clean`) trees stored by earlier runs are installed again (and replaced), but each key is
/// still installed once per instance.
package final class DependencyTreeStore: Sendable {
    /// One stored tree.
    package struct Entry: Sendable, Hashable {
        /// `<folder>/<key>/tree`: the installed files.
        package let tree: String
        /// `<folder>/<key>/entries.zip`: the same files, deflated (`DeterministicZip`, no prefix).
        package let entriesZip: String
    }

    /// The folder holding one sub-folder per key.
    package let folder: String
    /// False with `--clean`: only trees this instance installed are reused.
    package let reusesStoredTrees: Bool
    private let inFlight = Mutex<[String: Task<Entry, any Error>]>([:])
    private let installedKeys = Mutex<[String]>([])

    /// A store under `folder` (created when the first tree is stored).
    package init(folder: String, reusesStoredTrees: Bool = true) {
        self.folder = folder
        self.reusesStoredTrees = reusesStoredTrees
    }

    /// How many trees this instance has installed (misses), for tests and reports.
    package var treesInstalled: Int { installedKeys.withLock { $0.count } }

    /// The stored entry of `key` this instance may reuse, or nil.
    package func storedEntry(key: String) -> Entry? {
        guard reusesStoredTrees || installedKeys.withLock({ $0.contains(key) }) else { return nil }
        let entry = Self.entry(joinPath(folder, key))
        guard POSIX.status(entry.tree)?.kind == .directory, POSIX.status(entry.entriesZip)?.kind == .regular else {
            return nil
        }
        return entry
    }

    /// The tree of `key`: the stored one, the one a concurrent caller is installing, or a new one:
    /// `install` gets a path to install into (not yet existing, its parent does), then the tree is
    /// deflated and stored. When a concurrent caller's install fails, this caller installs on its own.
    package func tree(key: String, lines: [String] = [],
                     install: @escaping @Sendable (String) async throws -> Void) async throws -> Entry {
        if let stored = storedEntry(key: key) { return stored }
        let (task, isLeader) = inFlight.withLock { running -> (Task<Entry, any Error>, Bool) in
            if let task = running[key] { return (task, false) }
            let task = Task { try await self.installAndStore(key: key, lines: lines, install: install) }
            running[key] = task
            return (task, true)
        }
        if isLeader {
            defer { _ = inFlight.withLock { $0.removeValue(forKey: key) } }
            return try await task.value
        }
        do {
            return try await task.value
        } catch {
            return try await installAndStore(key: key, lines: lines, install: install)
        }
    }

    /// The stored trees with the lines of their keys (`key.txt`), for finding a tree to update.
    func storedKeys() -> [(entry: Entry, lines: [String])] {
        guard let names = try? POSIX.listDirectory(folder) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
            guard let entry = storedEntry(key: name),
                  let text = try? String(contentsOfFile: joinPath(joinPath(folder, name), "key.txt"), encoding: .utf8)
            else { return nil }
            return (entry, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    private static func entry(_ path: String) -> Entry {
        Entry(tree: joinPath(path, "tree"), entriesZip: joinPath(path, "entries.zip"))
    }

    /// Installs into a temporary folder next to the entries, deflates it, and renames the folder to
    /// `<folder>/<key>`; when another process stored the key meanwhile, keeps theirs.
    private func installAndStore(key: String, lines: [String],
                                 install: @Sendable (String) async throws -> Void) async throws -> Entry {
        if let stored = storedEntry(key: key) { return stored }
        try POSIX.makeDirectories(folder)
        let temporary = joinPath(folder, ".tmp-\(key.prefix(16))-\(UUID().uuidString)")
        let content = joinPath(temporary, "entry")
        try POSIX.makeDirectories(content)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let staged = Self.entry(content)
        try await install(staged.tree)
        try POSIX.makeDirectories(staged.tree) // an install that put nothing there still gives a (empty) tree
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: joinPath(content, "key.txt")))
        _ = try DeterministicZip().write(FileTree.scan(staged.tree, rules: .always, readIgnoreFile: false),
                                         to: staged.entriesZip)
        let destination = joinPath(folder, key)
        if !reusesStoredTrees && POSIX.status(destination) != nil {
            // An earlier run's entry is replaced: moved aside first, so the rename below stays atomic.
            try? POSIX.rename(destination, to: joinPath(temporary, "replaced"))
        }
        installedKeys.withLock { $0.append(key) }
        do {
            try POSIX.rename(content, to: destination)
        } catch {
            if let stored = storedEntry(key: key) { return stored } // another process stored it meanwhile
            throw error
        }
        return Self.entry(destination)
    }
}
