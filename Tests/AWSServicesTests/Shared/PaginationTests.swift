import Testing
@testable import AWSServices

@Suite struct PaginationTests {
    struct Page: Sendable { var items: [Int]; var next: String? }

    @Test func followsTokensUntilTheLastPage() async throws {
        let pages: [String?: Page] = [nil: Page(items: [1, 2], next: "a"), "a": Page(items: [3], next: "b"), "b": Page(items: [4], next: nil)]
        var asked: [String?] = []
        let items = try await paginate(operation: "Test") { token in
            asked.append(token)
            return pages[token]!
        } items: { $0.items } nextToken: { $0.next }
        #expect(items == [1, 2, 3, 4])
        #expect(asked == [nil, "a", "b"])
    }

    @Test func anEmptyTokenEndsPaging() async throws {
        let items = try await paginate(operation: "Test") { _ in Page(items: [1], next: "") } items: { $0.items } nextToken: { $0.next }
        #expect(items == [1])
    }

    @Test func aRepeatedTokenThrowsInsteadOfLoopingForever() async throws {
        await #expect(throws: AWSServicesError.self) {
            _ = try await paginate(operation: "Test") { _ in Page(items: [1], next: "same") } items: { $0.items } nextToken: { $0.next }
        }
    }

    @Test func stopAfterEndsEarly() async throws {
        var calls = 0
        let items = try await paginate(operation: "Test") { _ in
            calls += 1
            return Page(items: [calls], next: "t\(calls)")
        } items: { $0.items } nextToken: { $0.next } stopAfter: { $0.items.contains(2) }
        #expect(items == [1, 2])
        #expect(calls == 2)
    }
}
