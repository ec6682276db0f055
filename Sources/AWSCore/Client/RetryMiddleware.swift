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

    /// The error to give up with: a transport failure says how many attempts were made.
    static func final(_ error: any Error, attempts: Int) -> any Error {
        guard var transport = error as? TransportError else { return error }
        transport.attempts = attempts
        return transport
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
                      context.request.body.isReplayable else { throw Self.final(error, attempts: context.attempt) }
                let cost = reason == .transportFailure ? policy.timeoutCost : policy.retryCost
                guard quota.acquire(cost) else { throw Self.final(error, attempts: context.attempt) }
                heldTokens = cost
                try await sleep(policy.delay(afterAttempt: context.attempt, random: random()))
                context.attempt += 1
            }
        }
    }
}
