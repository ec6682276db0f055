import Foundation
@testable import AWSServices
import Packaging
@testable import Pipeline
import Testing

@Suite("Remote build cache settings and gc of entries")
struct RemoteCacheSettingsTests {
    @Test("writes are on unless ferry.toml, the flag or FERRY_CACHE_WRITE turns them off; reads unless --no-remote-cache")
    func resolve() {
        let on = RemoteCacheSettings.resolve(configuredWrite: nil, environment: [:])
        #expect(on.reads && on.writes && on.signingKey == nil)
        #expect(!RemoteCacheSettings.resolve(configuredWrite: false, environment: [:]).writes)
        #expect(!RemoteCacheSettings.resolve(configuredWrite: true, noCacheWrite: true, environment: [:]).writes)
        for off in ["0", "false", "NO", "off"] {
            #expect(!RemoteCacheSettings.resolve(configuredWrite: true, environment: ["FERRY_CACHE_WRITE": off]).writes, "\(off)")
        }
        #expect(RemoteCacheSettings.resolve(configuredWrite: nil, environment: ["FERRY_CACHE_WRITE": "1"]).writes)
        let readOff = RemoteCacheSettings.resolve(configuredWrite: nil, noRemoteCache: true, environment: [:])
        #expect(!readOff.reads && readOff.writes)
        #expect(RemoteCacheSettings.resolve(configuredWrite: nil, environment: ["FERRY_CACHE_HMAC_KEY": "k"]).signingKey
            == Data("k".utf8))
    }

    @Test("gc deletes entries whose artifact it deletes or that is gone, and invalid ones; keeps the rest and unreadable ones")
    func gcEntries() {
        func entry(_ sha: String) -> ActionEntry {
            ActionEntry(buildKey: String(repeating: "1", count: 64), zipSHA256: sha, size: 1, unzippedSize: 1, entryCount: 1,
                        zipKey: "app/\(sha).zip", builder: "python-pip", builderVersion: "2")
        }
        let kept = String(repeating: "a", count: 64), doomed = String(repeating: "b", count: 64)
        let gone = String(repeating: "c", count: 64)
        let plan = GCCacheEntries.make(
            entries: ["e1": .entry(entry(kept)), "e2": .entry(entry(doomed)), "e3": .entry(entry(gone)),
                      "e4": .invalid, "e5": .unreadable],
            existing: ["app/\(kept).zip", "app/\(doomed).zip"], doomedArtifacts: ["app/\(doomed).zip"],
            sizes: ["e1": 100, "e2": 200, "e3": 300, "e4": 400, "e5": 500])
        #expect(plan.kept == ["e1", "e5"])
        #expect(plan.doomed == ["e2", "e3", "e4"])
        #expect(plan.doomedBytes == 900 && plan.totalBytes == 1500)
    }

    @Test("gc deletes the shared dependency trees no kept entry names, once older than the minimum age; an unreadable entry keeps them all")
    func gcTrees() {
        func hex(_ c: Character) -> String { String(repeating: c, count: 64) }
        var named = ActionEntry(buildKey: hex("1"), zipSHA256: hex("a"), size: 1, unzippedSize: 1, entryCount: 1,
                                zipKey: "app/\(hex("a")).zip", builder: "python-pip", builderVersion: "2")
        named.dependencyTrees = [hex("d"): hex("e")]
        let entries = GCCacheEntries.make(entries: ["e1": .entry(named)], existing: ["app/\(hex("a")).zip"], doomedArtifacts: [])
        let old = Date(timeIntervalSince1970: 1_000), cutoff = Date(timeIntervalSince1970: 2_000)
        func object(_ key: String, _ at: Date = old, size: Int64 = 10) -> S3Object {
            S3Object(key: key, lastModified: at, eTag: nil, size: size, storageClass: nil)
        }
        let objects = [object("app/.ferry/deps/\(hex("d")).json"), object("app/.ferry/deps/\(hex("e")).zip"),
                       object("app/.ferry/deps/\(hex("f")).json"), object("app/.ferry/deps/\(hex("9")).zip", size: 500),
                       object("app/.ferry/deps/\(hex("8")).zip", Date(timeIntervalSince1970: 3_000)),
                       object("app/.ferry/deps/notes.txt"), object("app/\(hex("a")).zip")]
        let trees = GCDependencyTrees.make(objects: objects, prefix: "app", entries: entries, writtenBefore: cutoff)
        #expect(trees.doomed == ["app/.ferry/deps/\(hex("9")).zip", "app/.ferry/deps/\(hex("f")).json"])
        #expect(trees.doomedBytes == 510 && trees.kept == 3)

        var unreadable = entries
        unreadable.anyUnreadable = true
        #expect(GCDependencyTrees.make(objects: objects, prefix: "app", entries: unreadable, writtenBefore: cutoff).doomed.isEmpty)
    }

    @Test("doctor describes entries, bytes, writes and signing")
    func doctor() {
        let check = RemoteCacheCheck.check(entries: 3, bytes: 2048, location: "s3://b/app/.ferry/cache/",
                                           settings: RemoteCacheSettings(reads: true, writes: false, signingKey: Data("k".utf8)))
        #expect(check.detail.hasPrefix("3 entries, 2.0 KB in s3://b/app/.ferry/cache/"), "\(check.detail)")
        #expect(check.detail.contains("read only") && check.detail.contains("signed"), "\(check.detail)")
        #expect(check.status == .ok && !check.required)
    }
}
