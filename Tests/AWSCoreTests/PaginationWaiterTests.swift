import AWSCore
import Foundation
import Synchronization
import Testing

@Suite("Pagination and waiters")
struct PaginationWaiterTests {
    @Test("pages follow tokens until there is none")
    func followsTokens() async throws {
        let seen = Mutex<[String?]>([])
        let pages = ["a": (["2", "3"], "b"), "b": (["4"], "")]
        let items = try await paginate { token in
            seen.withLock { $0.append(token) }
            guard let token else { return (page: ["1"], nextToken: "a") }
            let entry = pages[token]!
            return (page: entry.0, nextToken: entry.1)
        }.collect { $0 }
        #expect(items == ["1", "2", "3", "4"])
        #expect(seen.withLock { $0 } == [nil, "a", "b"])
    }

    @Test("a repeated token ends iteration instead of looping")
    func repeatedToken() async throws {
        let calls = Mutex(0)
        let pages = try await paginate(startingAt: "x") { _ in
            calls.withLock { $0 += 1 }
            return (page: 1, nextToken: "x")
        }.collect()
        #expect(pages == [1])
        #expect(calls.withLock { $0 } == 1)
    }

    @Test("errors from a page end iteration with the error")
    func pageError() async throws {
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            _ = try await paginate { token -> (page: Int, nextToken: String?) in
                if token == nil { return (1, "n") }
                throw Boom()
            }.collect()
        }
    }

    /// A fake clock advanced by the waiter's sleeps.
    final class FakeTime: Sendable {
        let start = ContinuousClock.now
        let elapsed = Mutex<Duration>(.zero)
        let sleeps = Mutex<[Duration]>([])
        func now() -> ContinuousClock.Instant { start + elapsed.withLock { $0 } }
        func sleep(_ duration: Duration) {
            elapsed.withLock { $0 += duration }
            sleeps.withLock { $0.append(duration) }
        }
    }

    @Test("a waiter polls until success")
    func waiterSuccess() async throws {
        let time = FakeTime()
        let polls = Mutex(0)
        let waiter = Waiter(name: "stack my-app", delay: .seconds(5), timeout: .seconds(60),
                            sleep: { time.sleep($0) }, now: { time.now() })
        let value = try await waiter.wait(poll: { polls.withLock { $0 += 1; return $0 } },
                                          evaluate: { $0 >= 3 ? .success : .retry })
        #expect(value == 3)
        #expect(time.sleeps.withLock { $0 } == [.seconds(5), .seconds(5)])
    }

    @Test("a waiter stops at a failure state")
    func waiterFailure() async throws {
        let time = FakeTime()
        let waiter = Waiter(name: "function fn", sleep: { time.sleep($0) }, now: { time.now() })
        let error = await #expect(throws: WaiterError.self) {
            try await waiter.wait(poll: { "Failed" }, evaluate: { _ in .failure("LastUpdateStatus is Failed") })
        }
        #expect(error?.description == "waiting for function fn failed: LastUpdateStatus is Failed")
        #expect(error?.isTimeout == false)
    }

    @Test("a waiter gives up after its timeout")
    func waiterTimeout() async throws {
        let time = FakeTime()
        let waiter = Waiter(name: "change set cs", delay: .seconds(10), timeout: .seconds(30),
                            sleep: { time.sleep($0) }, now: { time.now() })
        let error = await #expect(throws: WaiterError.self) {
            try await waiter.wait(poll: { 0 }, evaluate: { _ in .retry })
        }
        #expect(error?.isTimeout == true)
        #expect(error?.attempts == 4)
        #expect(time.elapsed.withLock { $0 } == .seconds(30))
    }
}
