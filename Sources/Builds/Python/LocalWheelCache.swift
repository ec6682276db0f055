// Wheels of local path packages, built once and kept by the hash of what made them.
import Foundation
import Synchronization

/// A content-addressed store of the wheels built from local path packages
/// (`<folder>/<key>/<name>.whl`), shared by every build of one `PythonBuilder`.
///
/// The key (`LocalWheelKey`) hashes the package's files, the interpreter and build tools that make
/// the wheel and the settings pip runs with, so a stored wheel is the one a fresh `pip wheel` would
/// give: deleting the folder only costs time. An entry appears whole or not at all (built in a
/// temporary folder, then renamed into place), and builds of the same key that overlap in one
/// process share a single `pip wheel` run. Without `reusesStoredWheels` (`--clean`) wheels stored
/// by earlier runs are built again (and replaced), but each key is still built once per instance.
package final class LocalWheelCache: Sendable {
    /// The folder holding one sub-folder per key.
    package let folder: String
    /// False with `--clean`: only wheels this instance built are reused.
    package let reusesStoredWheels: Bool
    private let inFlight = Mutex<[String: Task<String, any Error>]>([:])
    private let builtKeys = Mutex<[String]>([])

    /// A cache storing its wheels under `folder` (created when the first wheel is stored), reading
    /// wheels stored by earlier runs unless `reusesStoredWheels` is false.
    package init(folder: String, reusesStoredWheels: Bool = true) {
        self.folder = folder
        self.reusesStoredWheels = reusesStoredWheels
    }

    /// How many wheels this instance has built (misses), for tests and reports.
    package var wheelsBuilt: Int { builtKeys.withLock { $0.count } }

    /// The stored wheel of `key` this instance may reuse, or nil when there is none.
    package func storedWheel(key: String) -> String? {
        guard reusesStoredWheels || builtKeys.withLock({ $0.contains(key) }) else { return nil }
        let entry = joinPath(folder, key)
        guard let names = try? POSIX.listDirectory(entry),
              let wheel = names.sorted().first(where: { $0.hasSuffix(".whl") }) else { return nil }
        return joinPath(entry, wheel)
    }

    /// The wheel of `key`: the stored one, the one a concurrent caller is building, or a new one
    /// made by `build` (which gets an empty folder to write exactly one wheel into and returns its
    /// path) and stored. When a concurrent caller's build fails, this caller builds on its own, so
    /// each caller sees its own error.
    package func wheel(key: String, build: @escaping @Sendable (String) async throws -> String) async throws -> String {
        if let stored = storedWheel(key: key) { return stored }
        let (task, isLeader) = inFlight.withLock { running -> (Task<String, any Error>, Bool) in
            if let task = running[key] { return (task, false) }
            let task = Task { try await self.buildAndStore(key: key, build: build) }
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
            return try await buildAndStore(key: key, build: build)
        }
    }

    /// Builds into a temporary folder next to the entries and renames it to `<folder>/<key>`; when
    /// another process stored the key meanwhile, keeps theirs.
    private func buildAndStore(key: String, build: @Sendable (String) async throws -> String) async throws -> String {
        if let stored = storedWheel(key: key) { return stored }
        try POSIX.makeDirectories(folder)
        let temporary = joinPath(folder, ".tmp-\(key.prefix(16))-\(UUID().uuidString)")
        try POSIX.makeDirectories(temporary)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let built = try await build(temporary)
        let name = (built as NSString).lastPathComponent
        let wheelOnly = joinPath(temporary, "entry")
        try POSIX.makeDirectories(wheelOnly)
        try POSIX.rename(built, to: joinPath(wheelOnly, name))
        let entry = joinPath(folder, key)
        if !reusesStoredWheels && POSIX.status(entry) != nil {
            // An earlier run's entry is replaced: moved aside first, so the rename below stays atomic.
            try? POSIX.rename(entry, to: joinPath(temporary, "replaced"))
        }
        builtKeys.withLock { $0.append(key) }
        do {
            try POSIX.rename(wheelOnly, to: entry)
        } catch {
            if let stored = storedWheel(key: key) { return stored } // another process stored it meanwhile
            throw error
        }
        return joinPath(entry, name)
    }
}
