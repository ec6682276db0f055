@testable import AWSCore
import AWSSigV4
import Foundation
import Synchronization
import Testing

@Suite("Credential cache")
struct CredentialCacheTests {
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_000_000))
        func advance(_ seconds: TimeInterval) { now.withLock { $0 += seconds } }
        var date: Date { now.withLock { $0 } }
    }

    final class Counter: Sendable {
        let value = Mutex(0)
        func next() -> Int { value.withLock { $0 += 1; return $0 } }
    }

    @Test func refreshesFiveMinutesBeforeExpiry() async throws {
        let clock = Clock()
        let counter = Counter()
        let cache = CredentialCache(now: { clock.date })
        let fetch: @Sendable () async throws -> AWSCredentials = {
            let count = counter.next()
            return AWSCredentials(accessKeyID: "K\(count)", secretAccessKey: "S", expiration: clock.date.addingTimeInterval(3600))
        }
        #expect(try await cache.credentials(fetch: fetch).accessKeyID == "K1")
        clock.advance(3600 - 301)
        #expect(try await cache.credentials(fetch: fetch).accessKeyID == "K1")
        clock.advance(2)
        #expect(try await cache.credentials(fetch: fetch).accessKeyID == "K2")
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let counter = Counter()
        let cache = CredentialCache()
        let fetch: @Sendable () async throws -> AWSCredentials = {
            let count = counter.next()
            try await Task.sleep(for: .milliseconds(100))
            return AWSCredentials(accessKeyID: "K\(count)", secretAccessKey: "S", expiration: Date().addingTimeInterval(3600))
        }
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await cache.credentials(fetch: fetch).accessKeyID } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(keys) == ["K1"])
        #expect(counter.value.withLock { $0 } == 1)
    }

    @Test func failedRefreshKeepsUnexpiredCredentialsAndRetriesLater() async throws {
        struct Down: Error {}
        let clock = Clock()
        let counter = Counter()
        let cache = CredentialCache(now: { clock.date })
        let fetch: @Sendable () async throws -> AWSCredentials = {
            let count = counter.next()
            if count == 2 || count == 3 { throw Down() }
            return AWSCredentials(accessKeyID: "K\(count)", secretAccessKey: "S", expiration: clock.date.addingTimeInterval(600))
        }
        #expect(try await cache.credentials(fetch: fetch).accessKeyID == "K1")
        clock.advance(400) // inside the 5-minute margin, not expired
        #expect(try await cache.credentials(fetch: fetch).accessKeyID == "K1")
        clock.advance(300) // now expired, and the refresh fails again
        await #expect(throws: Down.self) { try await cache.credentials(fetch: fetch) }
        #expect(try await cache.credentials(fetch: fetch).accessKeyID == "K4")
    }
}
