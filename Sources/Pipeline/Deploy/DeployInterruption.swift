import Synchronization

/// What a Ctrl-C means at each moment of a deploy, and what to clean up: shared between the
/// deploy workflow (which updates it) and the CLI's signal handler (which reads it).
package final class DeployInterruption: Sendable {
    /// Where the deploy is.
    package enum Phase: Sendable, Equatable {
        /// Nothing has been executed yet: stopping changes nothing.
        case preparing
        /// CloudFormation is executing the change set: it goes on without us.
        case executing(stackName: String, environment: String)
        /// Aliases are moving to new versions step by step (`[env.X.traffic]`).
        case shiftingTraffic(environment: String)
    }

    private struct State: Sendable {
        var phase: Phase = .preparing
        var cleanup: (@Sendable () async -> Void)?
        var cleanupTimeout: Duration = .seconds(5)
    }

    private let state = Mutex(State())

    /// A fresh registry.
    package init() {}

    /// The current phase.
    package var phase: Phase { state.withLock { $0.phase } }

    /// Sets the phase.
    package func enter(_ phase: Phase) { state.withLock { $0.phase = phase } }

    /// Registers the work to do on Ctrl-C (release the lock); `nil` clears it.
    package func onInterrupt(_ cleanup: (@Sendable () async -> Void)?) { onInterrupt(cleanup, timeout: .seconds(5)) }

    /// Registers the work to do on Ctrl-C and how long the handler waits for it (a traffic
    /// shift's cleanup may ask a question and roll aliases back).
    package func onInterrupt(_ cleanup: (@Sendable () async -> Void)?, timeout: Duration) {
        state.withLock {
            $0.cleanup = cleanup
            $0.cleanupTimeout = timeout
        }
    }

    /// How long the handler waits for the cleanup.
    package var cleanupTimeout: Duration { state.withLock { $0.cleanupTimeout } }

    /// The registered cleanup.
    package var cleanup: (@Sendable () async -> Void)? { state.withLock { $0.cleanup } }

    /// What to tell the person who pressed Ctrl-C.
    package var message: String {
        switch phase {
        case .preparing:
            return "interrupted before anything was executed: the stack is unchanged"
        case .executing(let stack, let env):
            return "interrupted: CloudFormation goes on deploying stack \(stack) (Ctrl-C does not cancel it). "
                + "Run `ferry deploy --env \(env)` to wait for it, or `ferry deploy --env \(env) --cancel` to cancel the update."
        case .shiftingTraffic(let env):
            return "interrupted during the traffic shift of environment \(env): the aliases are rolled back "
                + "(or, if you choose to on a terminal, moved to their new versions now) before Ferry stops"
        }
    }
}
