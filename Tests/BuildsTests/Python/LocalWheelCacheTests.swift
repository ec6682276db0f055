// The local wheel cache on its own: one build per key, even when callers overlap or fail.
import Foundation
import Synchronization
import Testing
@testable import Builds

@Suite("LocalWheelCache")
struct LocalWheelCacheTests {
    /// A build closure that writes `name` into its folder and counts its runs.
    final class FakeWheelBuild: Sendable {
        let runs = Mutex(0)
        let failFirst: Bool
        init(failFirst: Bool = false) { self.failFirst = failFirst }

        func callAsFunction(_ folder: String) async throws -> String {
            let run = runs.withLock { value -> Int in value += 1; return value }
            try await Task.sleep(for: .milliseconds(50)) // lets the other callers find this build running
            if failFirst && run == 1 { throw CocoaError(.fileWriteUnknown) }
            let path = folder + "/pkg-1.0-py3-none-any.whl"
            try Data("wheel \(run)".utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test("a second lookup of a key reuses the stored wheel; another key builds again")
    func storesAndReuses() async throws {
        let folder = try TestFolder("wheel-cache-reuse")
        let cache = LocalWheelCache(folder: folder.url("wheels"))
        let build = FakeWheelBuild()
        let first = try await cache.wheel(key: "aaaa") { try await build($0) }
        let second = try await cache.wheel(key: "aaaa") { try await build($0) }
        #expect(first == second)
        #expect(first == folder.url("wheels/aaaa/pkg-1.0-py3-none-any.whl"))
        #expect(build.runs.withLock { $0 } == 1)
        let other = try await cache.wheel(key: "bbbb") { try await build($0) }
        #expect(other != first && build.runs.withLock { $0 } == 2)
        #expect(cache.wheelsBuilt == 2)
        // Only finished entries remain, never a temporary folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url("wheels")).sorted()
        #expect(names == ["aaaa", "bbbb"])
        // A new instance (a later run) finds the stored wheel without building.
        let later = LocalWheelCache(folder: folder.url("wheels"))
        #expect(try await later.wheel(key: "aaaa") { try await build($0) } == first)
        #expect(later.wheelsBuilt == 0 && build.runs.withLock { $0 } == 2)
    }

    @Test("without reuse of stored wheels (--clean) an earlier run's wheel is built again, then reused in the run")
    func cleanRebuildsOncePerRun() async throws {
        let folder = try TestFolder("wheel-cache-clean")
        let build = FakeWheelBuild()
        let earlier = LocalWheelCache(folder: folder.url("wheels"))
        let old = try await earlier.wheel(key: "k") { try await build($0) }
        #expect(try readBytes(old) == Data("wheel 1".utf8))
        let clean = LocalWheelCache(folder: folder.url("wheels"), reusesStoredWheels: false)
        let first = try await clean.wheel(key: "k") { try await build($0) }
        let second = try await clean.wheel(key: "k") { try await build($0) }
        #expect(first == second && first == old)
        #expect(try readBytes(first) == Data("wheel 2".utf8))
        #expect(clean.wheelsBuilt == 1 && build.runs.withLock { $0 } == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url("wheels")) == ["k"])
    }

    @Test("overlapping lookups of one key build once and all get that wheel")
    func concurrentCallersShareOneBuild() async throws {
        let folder = try TestFolder("wheel-cache-concurrent")
        let cache = LocalWheelCache(folder: folder.url("wheels"))
        let build = FakeWheelBuild()
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await cache.wheel(key: "same") { try await build($0) } } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(paths).count == 1)
        #expect(build.runs.withLock { $0 } == 1)
        #expect(cache.wheelsBuilt == 1)
        #expect(try readBytes(try #require(paths.first)) == Data("wheel 1".utf8))
    }

    @Test("when the shared build fails, its caller gets the error and a waiting caller builds on its own")
    func failureIsNotShared() async throws {
        let folder = try TestFolder("wheel-cache-failure")
        let cache = LocalWheelCache(folder: folder.url("wheels"))
        let build = FakeWheelBuild(failFirst: true)
        let results = await withTaskGroup(of: Result<String, any Error>.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    do { return .success(try await cache.wheel(key: "k") { try await build($0) }) } catch { return .failure(error) }
                }
            }
            return await group.reduce(into: [Result<String, any Error>]()) { $0.append($1) }
        }
        let successes = results.compactMap { try? $0.get() }
        #expect(successes.count == 1 && results.count == 2)
        #expect(cache.storedWheel(key: "k") != nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url("wheels"))
        #expect(names == ["k"])
    }
}
