// The local build cache: hits, misses, clean builds and damage.
import Foundation
import Testing
@testable import Builds

@Suite("BuildCache")
struct BuildCacheTests {
    func makeArchive(_ out: TestFolder) throws -> (ZipArchive, BuildKey) {
        let source = try TestFolder("src")
        try source.write("app.py", "print('hi')\n")
        let archive = try DeterministicZip().write(FileTree.scan(source.path), to: out.url("app.zip"))
        let key = BuildKey(digest: SHA256Digest(bytes: Array(repeating: 1, count: 32)))
        return (archive, key)
    }

    @Test("miss, store, then hit with the same hash and sizes; the record is JSON")
    func hitAndMiss() throws {
        let project = try TestFolder("project"), out = try TestFolder("out")
        let (archive, key) = try makeArchive(out)
        let cache = BuildCache(projectRoot: project.path)
        #expect(cache.lookup(key) == .miss(reason: .notCached))
        let stored = try cache.store(archive, for: key, now: Date(timeIntervalSince1970: 0))
        #expect(stored.archive.path == project.url(".ferry/cache/builds/\(key.hex).zip"))
        guard case let .hit(hit) = cache.lookup(key) else {
            Issue.record("expected a hit")
            return
        }
        #expect(hit.archive.sha256 == archive.sha256)
        #expect(hit.archive.size == archive.size)
        #expect(hit.archive.unzippedSize == archive.unzippedSize)
        #expect(try readBytes(hit.archive.path) == readBytes(archive.path))
        let json = try String(contentsOfFile: cache.recordPath(for: key), encoding: .utf8)
        #expect(json.contains("\"zipSHA256\" : \"\(archive.sha256.hex)\""))
        #expect(json.contains("\"created\" : \"1970-01-01T00:00:00Z\""))
        let other = BuildKey(digest: SHA256Digest(bytes: Array(repeating: 2, count: 32)))
        #expect(cache.lookup(other) == .miss(reason: .notCached))
    }

    @Test("--clean ignores the cache on read but still stores")
    func clean() throws {
        let project = try TestFolder("project"), out = try TestFolder("out")
        let (archive, key) = try makeArchive(out)
        try BuildCache(projectRoot: project.path).store(archive, for: key)
        let clean = BuildCache(projectRoot: project.path, clean: true)
        #expect(clean.lookup(key) == .miss(reason: .cleanBuild))
        try clean.store(archive, for: key)
        if case .hit = BuildCache(projectRoot: project.path).lookup(key) {} else { Issue.record("expected a hit") }
    }

    @Test("a damaged or deleted cache is a miss, never an error")
    func damage() throws {
        let project = try TestFolder("project"), out = try TestFolder("out")
        let (archive, key) = try makeArchive(out)
        let cache = BuildCache(projectRoot: project.path)
        try cache.store(archive, for: key)
        var bytes = try readBytes(cache.zipPath(for: key))
        bytes[bytes.count / 2] ^= 0xff
        try bytes.write(to: URL(fileURLWithPath: cache.zipPath(for: key)))
        guard case .miss(.damaged) = cache.lookup(key) else {
            Issue.record("expected a damaged miss")
            return
        }
        try "{not json".write(toFile: cache.recordPath(for: key), atomically: true, encoding: .utf8)
        guard case .miss(.damaged) = cache.lookup(key) else {
            Issue.record("expected a damaged miss")
            return
        }
        try FileManager.default.removeItem(atPath: project.url(".ferry"))
        #expect(cache.lookup(key) == .miss(reason: .notCached))
    }
}
