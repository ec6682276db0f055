import Foundation

/// What one poll of a waiter found.
package enum WaiterState: Sendable, Equatable {
    /// The resource reached the wanted state.
    case success
    /// Not there yet: poll again.
    case retry
    /// The resource reached a state it will not leave (the reason says which).
    case failure(String)
}

/// Polls until a condition holds, fails, or time runs out.
package struct Waiter: Sendable {
    /// What is waited for, for messages (`stack my-app to finish updating`).
    package var name: String
    /// The delay between polls.
    package var delay: Duration
    /// The longest wait before giving up.
    package var timeout: Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    private let now: @Sendable () -> ContinuousClock.Instant

    /// A waiter polling every `delay` for at most `timeout`.
    package init(name: String, delay: Duration = .seconds(5), timeout: Duration = .seconds(600),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.name = name
        self.delay = delay
        self.timeout = timeout
        self.sleep = sleep
        self.now = now
    }

    /// Calls `poll` until `evaluate` says `.success` (returns the last value) or `.failure`
    /// (throws); throws `WaiterError` when `timeout` passes first. Errors from `poll` or
    /// `evaluate` end the wait.
    @discardableResult
    package func wait<Value: Sendable>(
        poll: @Sendable () async throws -> Value,
        evaluate: @Sendable (Value) throws -> WaiterState
    ) async throws -> Value {
        let start = now()
        var attempts = 0
        while true {
            attempts += 1
            let value = try await poll()
            switch try evaluate(value) {
            case .success:
                return value
            case .failure(let reason):
                throw WaiterError.failed(name: name, reason: reason, attempts: attempts)
            case .retry:
                let elapsed = now() - start
                guard elapsed + delay <= timeout else {
                    throw WaiterError.timedOut(name: name, timeout: timeout, attempts: attempts)
                }
                try await sleep(delay)
            }
        }
    }
}

/// A waiter gave up: the resource failed, or time ran out.
package struct WaiterError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case failed(reason: String)
        case timedOut(timeout: Duration)
    }

    private let kind: Kind
    /// What was waited for.
    package let name: String
    /// How many polls were made.
    package let attempts: Int

    static func failed(name: String, reason: String, attempts: Int) -> WaiterError {
        WaiterError(kind: .failed(reason: reason), name: name, attempts: attempts)
    }

    static func timedOut(name: String, timeout: Duration, attempts: Int) -> WaiterError {
        WaiterError(kind: .timedOut(timeout: timeout), name: name, attempts: attempts)
    }

    /// Whether the wait ended because time ran out.
    package var isTimeout: Bool {
        if case .timedOut = kind { return true }
        return false
    }

    package var description: String {
        switch kind {
        case .failed(let reason):
            return "waiting for \(name) failed: \(reason)"
        case .timedOut(let timeout):
            return "gave up waiting for \(name) after \(timeout.components.seconds) s (\(attempts) checks); "
                + "it may still finish: check its status and run the command again"
        }
    }
}
