// The local content-addressed build cache under `<project>/.ferry/cache/`.
import Foundation

/// A local cache of built artifacts, addressed by `BuildKey`.
///
/// Layout: `<project>/.ferry/cache/builds/<key hex>.zip` and `<key hex>.json` (a `BuildRecord`).
/// Both are written to a temporary file and renamed, the zip first, so a record always has its zip.
/// A lookup checks the zip's size and SHA-256 against the record; anything missing, unreadable or
/// different is a miss, never an error, so deleting or damaging the cache never changes a result.
/// With `clean` (`--clean`) lookups always miss, and stores still refresh the cache.
package struct BuildCache: Sendable {
    /// The outcome of a lookup.
    package enum Lookup: Sendable, Hashable {
        /// The artifact is cached and intact.
        case hit(CachedBuild)
        /// Nothing usable is cached; `reason` says why (for reporting).
        case miss(reason: MissReason)
    }

    /// Why a lookup missed.
    package enum MissReason: Sendable, Hashable {
        /// No record for this key.
        case notCached
        /// Reads are disabled (`--clean`).
        case cleanBuild
        /// A record exists but it or its zip is unreadable or does not match; `detail` says what.
        case damaged(detail: String)
    }

    /// The folder holding cached builds.
    package let directory: String
    /// False with `--clean`: lookups miss.
    package let readsEnabled: Bool

    /// The cache of the project at `projectRoot` (`<projectRoot>/.ferry/cache/builds`).
    package init(projectRoot: String, clean: Bool = false) {
        self.init(directory: joinPath(joinPath(joinPath(projectRoot, ".ferry"), "cache"), "builds"), clean: clean)
    }

    /// A cache in `directory`.
    package init(directory: String, clean: Bool = false) {
        self.directory = directory
        self.readsEnabled = !clean
    }

    /// Where the zip for `key` lives in the cache.
    package func zipPath(for key: BuildKey) -> String { joinPath(directory, key.hex + ".zip") }

    /// Where the record for `key` lives in the cache.
    package func recordPath(for key: BuildKey) -> String { joinPath(directory, key.hex + ".json") }

    /// Looks `key` up, verifying the cached zip's size and SHA-256.
    package func lookup(_ key: BuildKey) -> Lookup {
        guard readsEnabled else { return .miss(reason: .cleanBuild) }
        let recordPath = recordPath(for: key)
        guard let data = FileManager.default.contents(atPath: recordPath) else { return .miss(reason: .notCached) }
        let record: BuildRecord
        do {
            record = try BuildRecord.decoder().decode(BuildRecord.self, from: data)
        } catch {
            return .miss(reason: .damaged(detail: "record \(recordPath) is not valid JSON: \(error)"))
        }
        guard record.buildKey == key else {
            return .miss(reason: .damaged(detail: "record \(recordPath) is for key \(record.buildKey)"))
        }
        let zip = zipPath(for: key)
        guard let status = POSIX.status(zip), status.kind == .regular, status.size == record.size else {
            return .miss(reason: .damaged(detail: "zip \(zip) is missing or not \(record.size) bytes"))
        }
        guard let digest = try? FileHasher.sha256(ofFile: zip, expectedSize: record.size), digest == record.zipSHA256 else {
            return .miss(reason: .damaged(detail: "zip \(zip) does not have SHA-256 \(record.zipSHA256)"))
        }
        let archive = ZipArchive(path: zip, sha256: digest, size: record.size,
                                 unzippedSize: record.unzippedSize, entryCount: record.entryCount)
        return .hit(CachedBuild(record: record, archive: archive))
    }

    /// Copies `archive` into the cache under `key` and writes its record, atomically.
    @discardableResult
    package func store(_ archive: ZipArchive, for key: BuildKey, dependencyTrees: [String] = [],
                      now: Date = Date()) throws -> CachedBuild {
        try POSIX.makeDirectories(directory)
        let zip = zipPath(for: key)
        let temporaryZip = POSIX.temporarySibling(of: zip)
        do {
            try FileManager.default.copyItem(atPath: archive.path, toPath: temporaryZip)
            try POSIX.rename(temporaryZip, to: zip)
        } catch {
            POSIX.removeFile(temporaryZip)
            throw error
        }
        var record = BuildRecord(buildKey: key, zipSHA256: archive.sha256, size: archive.size,
                                 unzippedSize: archive.unzippedSize, entryCount: archive.entryCount, created: now)
        record.dependencyTrees = dependencyTrees.isEmpty ? nil : dependencyTrees
        let recordPath = recordPath(for: key)
        let temporaryRecord = POSIX.temporarySibling(of: recordPath)
        do {
            try BuildRecord.encoder().encode(record).write(to: URL(fileURLWithPath: temporaryRecord))
            try POSIX.rename(temporaryRecord, to: recordPath)
        } catch {
            POSIX.removeFile(temporaryRecord)
            throw error
        }
        let cached = ZipArchive(path: zip, sha256: archive.sha256, size: archive.size,
                                unzippedSize: archive.unzippedSize, entryCount: archive.entryCount)
        return CachedBuild(record: record, archive: cached)
    }
}

/// A cached artifact: its record and the zip inside the cache.
package struct CachedBuild: Sendable, Hashable {
    /// The stored record.
    package let record: BuildRecord
    /// The zip in the cache.
    package let archive: ZipArchive

    /// A cached build.
    package init(record: BuildRecord, archive: ZipArchive) {
        self.record = record
        self.archive = archive
    }
}
