import AWSCore
import Foundation

/// Follows a paginated AWS operation until it stops returning a continuation token
/// (`NextToken`, `Marker`, `NextContinuationToken`), collecting every page's items. The loop
/// itself is AWSCore's `Paginator` (which also stops on a token the service repeats).
///
/// - Parameters:
///   - operation: the operation's name, for messages.
///   - fetch: fetches one page given the token of the previous one (`nil` for the first page).
///   - items: the items on a page.
///   - nextToken: the token for the next page; `nil` or empty ends the loop.
///   - stopAfter: returns `true` to stop after the current page even if more pages exist.
func paginate<Page: Sendable, Item>(
    operation: String,
    fetch: @escaping @Sendable (String?) async throws -> Page,
    items: (Page) -> [Item],
    nextToken: @escaping @Sendable (Page) -> String?,
    stopAfter: (Page) -> Bool = { _ in false }
) async throws -> [Item] {
    let pages = Paginator<Page> { token in
        let page = try await fetch(token)
        return (page, nextToken(page))
    }
    var collected: [Item] = []
    for try await page in pages {
        collected.append(contentsOf: items(page))
        if stopAfter(page) { break }
    }
    return collected
}
