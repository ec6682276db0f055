// Content-addressed folders made once per key: atomic, shared by overlapping callers, reused across runs.
import Foundation
import Synchronization

/// A store of entries `<folder>/<key>/`, each made once and read as a `Value`: the single-flight
/// logic shared by the local wheel cache, the dependency trees and the build environments.
///
/// An entry appears whole or not at all: it is made in a temporary folder beside the entries, then
/// renamed into place (when another process stored the key meanwhile, theirs is kept). Callers of
/// one key that overlap in one process share a single make; when that make fails, its caller gets
/// the error and each waiting caller makes the entry on its own (so each sees its own error).
/// Without `reusesStoredEntries` (`--clean`) entries stored by earlier runs are made again (and
/// replaced), but each key is still made once per instance.
package final class KeyedEntryStore<Value: Sendable>: Sendable {
    /// The folder holding one sub-folder per key.
    package let folder: String
    /// False with `--clean`: only entries this instance made are reused.
    package let reusesStoredEntries: Bool
    /// Reads a complete entry folder as a value; nil when it is not complete.
    private let read: @Sendable (String) -> Value?
    private let inFlight = Mutex<[String: Task<Value, any Error>]>([:])
    private let madeKeys = Mutex<[String]>([])

    /// A store under `folder` (created when the first entry is stored) whose entries `read` turns
    /// into values.
    package init(folder: String, reusesStoredEntries: Bool = true, read: @escaping @Sendable (String) -> Value?) {
        self.folder = folder
        self.reusesStoredEntries = reusesStoredEntries
        self.read = read
    }

    /// How many entries this instance has made (misses), for tests and reports.
    package var entriesMade: Int { madeKeys.withLock { $0.count } }

    /// The stored entry of `key` this instance may reuse, or nil.
    package func stored(key: String) -> Value? {
        guard reusesStoredEntries || madeKeys.withLock({ $0.contains(key) }) else { return nil }
        return read(joinPath(folder, key))
    }

    /// The keys of the stored entries (folder names, without the temporary ones), sorted.
    package func storedKeys() -> [String] {
        ((try? POSIX.listDirectory(folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The entry of `key`: the stored one, the one a concurrent caller is making, or a new one:
    /// `make` gets an empty entry folder to fill and an empty scratch folder (removed afterwards).
    package func value(key: String, make: @escaping @Sendable (_ entry: String, _ scratch: String) async throws -> Void)
        async throws -> Value {
        if let stored = stored(key: key) { return stored }
        let (task, isLeader) = inFlight.withLock { running -> (Task<Value, any Error>, Bool) in
            if let task = running[key] { return (task, false) }
            let task = Task { try await self.makeAndStore(key: key, make: make) }
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
            return try await makeAndStore(key: key, make: make)
        }
    }

    /// Makes the entry in a temporary folder next to the entries and renames it to `<folder>/<key>`.
    private func makeAndStore(key: String, make: @Sendable (String, String) async throws -> Void) async throws -> Value {
        if let stored = stored(key: key) { return stored }
        try POSIX.makeDirectories(folder)
        let temporary = joinPath(folder, ".tmp-\(key.prefix(16))-\(UUID().uuidString)")
        let content = joinPath(temporary, "entry")
        let scratch = joinPath(temporary, "scratch")
        try POSIX.makeDirectories(content)
        try POSIX.makeDirectories(scratch)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try await make(content, scratch)
        guard read(content) != nil else {
            throw BuildFilesError(.io(operation: "store an incomplete entry", path: content, errno: 5))
        }
        let destination = joinPath(folder, key)
        if !reusesStoredEntries && POSIX.status(destination) != nil {
            // An earlier run's entry is replaced: moved aside first, so the rename below stays atomic.
            try? POSIX.rename(destination, to: joinPath(temporary, "replaced"))
        }
        madeKeys.withLock { $0.append(key) }
        do {
            try POSIX.rename(content, to: destination)
        } catch {
            if let stored = read(destination) { return stored } // another process stored it meanwhile
            throw error
        }
        guard let value = read(destination) else {
            throw BuildFilesError(.io(operation: "read the stored entry", path: destination, errno: 5))
        }
        return value
    }
}
