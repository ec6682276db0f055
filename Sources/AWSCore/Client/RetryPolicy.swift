import Foundation

/// How failed calls are retried: the SDKs' "standard" retry mode.
///
/// The delay before retry `n` (1-based) is `random(0, 1) * min(maxBackoff, base * 2^(n-1))`
/// (full jitter); each retry takes tokens from a quota shared by the client (`retryCost`, or
/// `timeoutCost` for transport failures) and a success gives them back.
package struct RetryPolicy: Sendable, Equatable {
    /// The total number of attempts, first one included (`AWS_MAX_ATTEMPTS`, `max_attempts`).
    package var maxAttempts: Int
    /// The backoff scale (1 second in the SDKs).
    package var baseDelay: Duration
    /// The largest delay before one retry (20 seconds in the SDKs).
    package var maxBackoff: Duration
    /// The size of the retry quota.
    package var quotaCapacity: Int
    /// Tokens one retry after an error response takes.
    package var retryCost: Int
    /// Tokens one retry after a transport failure (timeout, reset) takes.
    package var timeoutCost: Int
    /// Tokens a first-attempt success gives back.
    package var successIncrement: Int

    package init(maxAttempts: Int, baseDelay: Duration = .seconds(1), maxBackoff: Duration = .seconds(20),
                quotaCapacity: Int = 500, retryCost: Int = 5, timeoutCost: Int = 10, successIncrement: Int = 1) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.quotaCapacity = quotaCapacity
        self.retryCost = retryCost
        self.timeoutCost = timeoutCost
        self.successIncrement = successIncrement
    }

    /// The standard mode with the given number of attempts (3 unless configured).
    package static func standard(maxAttempts: Int = 3) -> RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts)
    }

    /// No retries at all.
    package static let none = RetryPolicy(maxAttempts: 1)

    /// The delay before the retry that follows failed attempt `attempt` (1-based), with `random`
    /// in `0..<1`.
    package func delay(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let scaled = baseDelay * (1 << exponent)
        let ceiling = min(scaled, maxBackoff)
        return ceiling * min(max(random, 0), 1)
    }
}
