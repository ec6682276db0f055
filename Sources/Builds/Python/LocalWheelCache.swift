// Wheels of local path packages, built once and kept by the hash of what made them.
import Foundation

/// A content-addressed store of the wheels built from local path packages
/// (`<folder>/<key>/<name>.whl`), shared by every build of one `PythonBuilder`.
///
/// The key (`LocalWheelKey`) hashes the package's files, the interpreter and build tools that make
/// the wheel and the settings pip runs with, so a stored wheel is the one a fresh `pip wheel` would
/// give: deleting the folder only costs time. Entries are made by a `KeyedEntryStore` (atomic, one
/// build per key even when callers overlap; `--clean` builds earlier runs' wheels again).
package final class LocalWheelCache: Sendable {
    private let store: KeyedEntryStore<String>

    /// A cache storing its wheels under `folder` (created when the first wheel is stored), reading
    /// wheels stored by earlier runs unless `reusesStoredWheels` is false.
    package init(folder: String, reusesStoredWheels: Bool = true) {
        store = KeyedEntryStore(folder: folder, reusesStoredEntries: reusesStoredWheels) { entry in
            guard let names = try? POSIX.listDirectory(entry),
                  let wheel = names.sorted().first(where: { $0.hasSuffix(".whl") }) else { return nil }
            return joinPath(entry, wheel)
        }
    }

    /// The folder holding one sub-folder per key.
    package var folder: String { store.folder }
    /// False with `--clean`: only wheels this instance built are reused.
    package var reusesStoredWheels: Bool { store.reusesStoredEntries }
    /// How many wheels this instance has built (misses), for tests and reports.
    package var wheelsBuilt: Int { store.entriesMade }

    /// The stored wheel of `key` this instance may reuse, or nil when there is none.
    package func storedWheel(key: String) -> String? { store.stored(key: key) }

    /// The wheel of `key`: the stored one, the one a concurrent caller is building, or a new one
    /// made by `build` (which gets an empty folder to write exactly one wheel into and returns its
    /// path) and stored. When a concurrent caller's build fails, this caller builds on its own, so
    /// each caller sees its own error.
    package func wheel(key: String, build: @escaping @Sendable (String) async throws -> String) async throws -> String {
        try await store.value(key: key) { entry, scratch in
            let output = joinPath(scratch, "out")
            try POSIX.makeDirectories(output)
            let built = try await build(output)
            try POSIX.rename(built, to: joinPath(entry, (built as NSString).lastPathComponent))
        }
    }
}
