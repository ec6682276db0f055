import AWSSigV4
import Foundation
import Synchronization

/// Keeps credentials that expire until `refreshMargin` seconds before their expiry, and makes
/// concurrent callers share one refresh.
///
/// When a refresh fails while the previous credentials have not yet expired, those are returned.
package final class CredentialCache: Sendable {
    private enum State {
        case empty
        case cached(AWSCredentials)
        case refreshing(Task<AWSCredentials, any Error>, previous: AWSCredentials?)
    }

    private enum Next {
        case use(AWSCredentials)
        case wait(Task<AWSCredentials, any Error>, previous: AWSCredentials?)
    }

    /// Seconds before expiry at which credentials are fetched again.
    package let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private let state = Mutex<State>(.empty)

    /// - Parameters:
    ///   - refreshMargin: refresh this many seconds before expiry (5 minutes by default).
    ///   - now: the clock (injectable for tests).
    package init(refreshMargin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }) {
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// Returns the cached credentials, or calls `fetch` when there are none or they expire soon.
    /// Credentials without an expiration are kept forever.
    package func credentials(fetch: @escaping @Sendable () async throws -> AWSCredentials) async throws -> AWSCredentials {
        let date = now()
        let margin = refreshMargin
        let next: Next = state.withLock { state in
            switch state {
            case .cached(let credentials) where !credentials.isExpiring(within: margin, of: date):
                return .use(credentials)
            case .refreshing(let task, let previous):
                return .wait(task, previous: previous)
            case .cached(let credentials):
                let task = Task { try await fetch() }
                state = .refreshing(task, previous: credentials)
                return .wait(task, previous: credentials)
            case .empty:
                let task = Task { try await fetch() }
                state = .refreshing(task, previous: nil)
                return .wait(task, previous: nil)
            }
        }
        switch next {
        case .use(let credentials):
            return credentials
        case .wait(let task, let previous):
            do {
                let credentials = try await task.value
                state.withLock { $0 = .cached(credentials) }
                return credentials
            } catch {
                let stillValid = previous.flatMap { $0.isExpiring(within: 0, of: now()) ? nil : $0 }
                state.withLock { $0 = stillValid.map { .cached($0) } ?? .empty }
                if let stillValid { return stillValid }
                throw error
            }
        }
    }
}
