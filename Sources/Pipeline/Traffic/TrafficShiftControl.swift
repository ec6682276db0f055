import Foundation
import Synchronization

/// Ctrl-C during a shift: the signal handler asks for a rollback or for the shift to finish at
/// once, and waits until the shifting task has done it; all alias moves stay in that one task.
package final class TrafficShiftControl: Sendable {
    /// What to do on Ctrl-C.
    package enum Decision: String, Sendable, Equatable {
        /// Every alias back to its previous version.
        case rollBack = "roll back"
        /// Every alias to its new version now.
        case finish
    }

    private struct State: Sendable {
        var requested: Decision?
        var done = false
    }

    private let state = Mutex(State())

    /// A control.
    package init() {}

    /// The decision asked for, if any.
    package var requested: Decision? { state.withLock { $0.requested } }

    /// Asks the shifting task to stop with `decision`.
    package func request(_ decision: Decision) { state.withLock { $0.requested = $0.requested ?? decision } }

    /// Marks the shift as over (completed, rolled back or failed).
    package func markDone() { state.withLock { $0.done = true } }

    /// Whether the shift is over.
    package var isDone: Bool { state.withLock { $0.done } }

    /// Waits until the shift is over (checked every 100 ms), at most `timeout`.
    package func waitUntilDone(timeout: Duration = .seconds(300)) async {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !isDone, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
