// Installed dependency trees, each installed once per key and shared by every build that needs it.
import Foundation

/// A content-addressed store of installed dependency trees (`<folder>/<key>/tree/` with the same
/// files deflated once in `<folder>/<key>/entries.zip`), shared by every build of one
/// `PythonBuilder` and by later runs (`.ferry/deps/` of the project).
///
/// The key (`PythonDependencyKey`) hashes everything that decides what pip installs, so a stored
/// tree is the one a fresh install would give: deleting the folder only costs time. Entries are
/// made by a `KeyedEntryStore`: whole or not at all, one install per key even when builds overlap;
/// without `reusesStoredTrees` (`--clean`) trees stored by earlier runs are installed again.
package final class DependencyTreeStore: Sendable {
    /// One stored tree.
    package struct Entry: Sendable, Hashable {
        /// `<folder>/<key>/tree`: the installed files.
        package let tree: String
        /// `<folder>/<key>/entries.zip`: the same files, deflated (`DeterministicZip`, no prefix).
        package let entriesZip: String
    }

    private let store: KeyedEntryStore<Entry>

    /// A store under `folder` (created when the first tree is stored).
    package init(folder: String, reusesStoredTrees: Bool = true) {
        store = KeyedEntryStore(folder: folder, reusesStoredEntries: reusesStoredTrees) { path in
            let entry = Self.entry(path)
            guard POSIX.status(entry.tree)?.kind == .directory, POSIX.status(entry.entriesZip)?.kind == .regular else {
                return nil
            }
            return entry
        }
    }

    /// The folder holding one sub-folder per key.
    package var folder: String { store.folder }
    /// False with `--clean`: only trees this instance installed are reused.
    package var reusesStoredTrees: Bool { store.reusesStoredEntries }
    /// How many trees this instance has installed (misses), for tests and reports.
    package var treesInstalled: Int { store.entriesMade }

    /// The stored entry of `key` this instance may reuse, or nil.
    package func storedEntry(key: String) -> Entry? { store.stored(key: key) }

    /// The tree of `key`: the stored one, the one a concurrent caller is installing, or a new one:
    /// `install` gets a path to install into (not yet existing, its parent does), then the tree is
    /// deflated and stored. When a concurrent caller's install fails, this caller installs on its own.
    package func tree(key: String, lines: [String] = [],
                     install: @escaping @Sendable (String) async throws -> Void) async throws -> Entry {
        try await store.value(key: key) { content, _ in
            let staged = Self.entry(content)
            try await install(staged.tree)
            try POSIX.makeDirectories(staged.tree) // an install that put nothing there still gives a (empty) tree
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: joinPath(content, "key.txt")))
            _ = try DeterministicZip().write(FileTree.scan(staged.tree, rules: .always, readIgnoreFile: false),
                                             to: staged.entriesZip)
        }
    }

    /// The stored trees with the lines of their keys (`key.txt`), for finding a tree to update.
    func storedKeys() -> [(entry: Entry, lines: [String])] {
        store.storedKeys().compactMap { name in
            guard let entry = storedEntry(key: name),
                  let text = try? String(contentsOfFile: joinPath(joinPath(folder, name), "key.txt"), encoding: .utf8)
            else { return nil }
            return (entry, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    private static func entry(_ path: String) -> Entry {
        Entry(tree: joinPath(path, "tree"), entriesZip: joinPath(path, "entries.zip"))
    }
}
