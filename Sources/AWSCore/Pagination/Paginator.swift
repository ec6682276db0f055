import Foundation

/// The pages of a paginated AWS operation, fetched one at a time as they are iterated.
///
/// `fetch` receives the token for the page to read (nil for the first) and returns the page and
/// the next token (`NextToken`, `Marker`, `NextContinuationToken`, ...). Iteration ends when the
/// next token is nil or empty, or repeats the previous one (a service bug that would loop forever).
package struct Paginator<Page: Sendable>: AsyncSequence, Sendable {
    package typealias Element = Page
    private let firstToken: String?
    private let fetch: @Sendable (String?) async throws -> (page: Page, nextToken: String?)

    /// Pages starting at `firstToken` (nil for the beginning).
    package init(startingAt firstToken: String? = nil,
                fetch: @escaping @Sendable (String?) async throws -> (page: Page, nextToken: String?)) {
        self.firstToken = firstToken
        self.fetch = fetch
    }

    package func makeAsyncIterator() -> Iterator {
        Iterator(token: firstToken, fetch: fetch)
    }

    /// Reads every page.
    package func collect() async throws -> [Page] {
        var pages: [Page] = []
        for try await page in self { pages.append(page) }
        return pages
    }

    /// Reads every page and joins the items each one holds.
    package func collect<Item>(_ items: (Page) -> [Item]) async throws -> [Item] {
        var all: [Item] = []
        for try await page in self { all += items(page) }
        return all
    }

    /// Fetches the next page on demand.
    package struct Iterator: AsyncIteratorProtocol {
        var token: String?
        var finished = false
        var seenTokens: Set<String> = []
        let fetch: @Sendable (String?) async throws -> (page: Page, nextToken: String?)

        init(token: String?, fetch: @escaping @Sendable (String?) async throws -> (page: Page, nextToken: String?)) {
            self.token = token
            self.fetch = fetch
        }

        package mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            let (page, nextToken) = try await fetch(token)
            if let token { seenTokens.insert(token) }
            if let nextToken, !nextToken.isEmpty, !seenTokens.contains(nextToken) {
                token = nextToken
            } else {
                finished = true
            }
            return page
        }
    }
}

/// The pages of a paginated operation: `paginate { token in ... return (page, next) }`.
package func paginate<Page: Sendable>(
    startingAt firstToken: String? = nil,
    _ fetch: @escaping @Sendable (String?) async throws -> (page: Page, nextToken: String?)
) -> Paginator<Page> {
    Paginator(startingAt: firstToken, fetch: fetch)
}
