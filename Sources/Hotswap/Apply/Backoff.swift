import AWSCore
import Foundation

/// Retries a step that failed for a reason that passes (another update still running, throttling
/// beyond what the client absorbed), with exponential backoff and jitter.
package struct Backoff: Sendable {
    /// The first delay.
    package var initialDelay: Duration
    /// The longest delay.
    package var maximumDelay: Duration
    /// Attempts in all (the first included).
    package var maxAttempts: Int
    /// Waits between attempts (tests make it instant).
    package var sleep: @Sendable (Duration) async throws -> Void

    /// A backoff policy.
    package init(initialDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(5), maxAttempts: Int = 12,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maxAttempts = max(1, maxAttempts)
        self.sleep = sleep
    }

    /// Runs `body`; when it throws an error `shouldRetry` accepts, waits and tries again, up to `maxAttempts`.
    /// `beforeRetry` runs before each wait (e.g. wait for the running update to finish).
    package func run<T: Sendable>(
        shouldRetry: @Sendable (any Error) -> Bool, beforeRetry: @Sendable () async -> Void = {},
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        var delay = initialDelay
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch where attempt < maxAttempts && (shouldRetry(error) || Self.isThrottling(error)) {
                await beforeRetry()
                try await sleep(delay * Double.random(in: 0.5..<1.0))
                delay = min(delay * 2, maximumDelay)
                attempt += 1
            }
        }
    }

    /// Whether `error` is AWS throttling.
    package static func isThrottling(_ error: any Error) -> Bool {
        (error as? AWSError)?.isThrottling ?? false
    }
}
