import Foundation

/// Retries throttled and transient failures with backoff, within the attempt limit and quota.
struct RetryMiddleware: AWSMiddleware {
    let policy: RetryPolicy
    let quota: RetryQuota
    let sleep: @Sendable (Duration) async throws -> Void
    let random: @Sendable () -> Double

    /// Why a failure may be retried, and what it costs.
    enum RetryReason: Equatable {
        case throttled, transientResponse, transportFailure
    }

    /// Whether this error is worth another attempt.
    static func reason(for error: any Error) -> RetryReason? {
        if let error = error as? AWSError {
            if error.isThrottling { return .throttled }
            return error.isRetryable ? .transientResponse : nil
        }
        if let error = error as? TransportError {
            return error.isTransient ? .transportFailure : nil
        }
        return nil
    }

    func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse {
        var context = context
        var heldTokens: Int?
        while true {
            do {
                let response = try await next(context)
                quota.release(heldTokens ?? policy.successIncrement)
                return response
            } catch {
                guard let reason = Self.reason(for: error), context.attempt < policy.maxAttempts,
                      context.request.body.isReplayable else { throw error }
                let cost = reason == .transportFailure ? policy.timeoutCost : policy.retryCost
                guard quota.acquire(cost) else { throw error }
                heldTokens = cost
                try await sleep(policy.delay(afterAttempt: context.attempt, random: random()))
                context.attempt += 1
            }
        }
    }
}
