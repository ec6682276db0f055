import Synchronization
import Testing
@testable import AWSServices

@Suite struct PaginationTests {
    struct Page: Sendable { var items: [Int]; var next: String? }

    @Test func followsTokensUntilTheLastPage() async throws {
        let pages: [String?: Page] = [nil: Page(items: [1, 2], next: "a"), "a": Page(items: [3], next: "b"), "b": Page(items: [4], next: nil)]
        let asked = Mutex<[String?]>([])
        let items = try await paginate(operation: "Test") { token in
            asked.withLock { $0.append(token) }
            return pages[token]!
        } items: { $0.items } nextToken: { $0.next }
        #expect(items == [1, 2, 3, 4])
        #expect(asked.withLock { $0 } == [nil, "a", "b"])
    }

    @Test func anEmptyTokenEndsPaging() async throws {
        let items = try await paginate(operation: "Test") { _ in Page(items: [1], next: "") } items: { $0.items } nextToken: { $0.next }
        #expect(items == [1])
    }

    @Test func aRepeatedTokenEndsPagingInsteadOfLoopingForever() async throws {
        let items = try await paginate(operation: "Test") { token in
            Page(items: [token == nil ? 1 : 2], next: "same")
        } items: { $0.items } nextToken: { $0.next }
        #expect(items == [1, 2])
    }

    @Test func stopAfterEndsEarly() async throws {
        let calls = Mutex(0)
        let items = try await paginate(operation: "Test") { _ in
            let call = calls.withLock { value in
                value += 1
                return value
            }
            return Page(items: [call], next: "t\(call)")
        } items: { $0.items } nextToken: { $0.next } stopAfter: { $0.items.contains(2) }
        #expect(items == [1, 2])
        #expect(calls.withLock { $0 } == 2)
    }
}
