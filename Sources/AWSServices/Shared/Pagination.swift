import Foundation

/// Follows a paginated AWS operation until it stops returning a continuation token
/// (`NextToken`, `Marker`, `ContinuationToken`), collecting every page's items.
///
/// - Parameters:
///   - fetch: fetches one page given the token of the previous one (`nil` for the first page).
///   - items: the items on a page.
///   - nextToken: the token for the next page; `nil` or empty ends the loop.
///   - stopAfter: returns `true` to stop after the current page even if more pages exist.
/// - Throws: `AWSServicesError` when the service returns the same token twice (it would never end).
func paginate<Page: Sendable, Item>(
    operation: String,
    fetch: (String?) async throws -> Page,
    items: (Page) -> [Item],
    nextToken: (Page) -> String?,
    stopAfter: (Page) -> Bool = { _ in false }
) async throws -> [Item] {
    var collected: [Item] = []
    var token: String? = nil
    var seen: Set<String> = []
    while true {
        let page = try await fetch(token)
        collected.append(contentsOf: items(page))
        guard let next = nextToken(page), !next.isEmpty, !stopAfter(page) else { return collected }
        guard seen.insert(next).inserted else {
            throw AWSServicesError.repeatedPageToken(operation: operation, token: next)
        }
        token = next
    }
}
