import AWSServices
import Foundation
import Synchronization

/// One GetFunctionConfiguration per function while it is kept: the code target and the settings
/// target of a function, and a `--verify` after a plan that changed nothing, share one read.
///
/// A read in flight is joined, not repeated; a read that failed is forgotten once it ended (the
/// callers waiting for it see its error, a later caller reads again); a write through the services
/// that hold it forgets that function (``forget(_:)``). Keep one per detection context: it is a
/// snapshot of what runs, valid as long as nothing was written since.
package final class LiveFunctionReads: Sendable {
    /// Reads one function's settings (GetFunctionConfiguration, or a fake in tests).
    package typealias Load = @Sendable (String) async throws -> FunctionConfiguration

    private let load: Load
    private struct State {
        var tasks: [String: Task<FunctionConfiguration, any Error>] = [:]
        var loads = 0
    }
    private let state = Mutex(State())

    /// Reads that call `load` at most once per function name.
    package init(load: @escaping Load) { self.load = load }

    /// Reads through `lambda`'s GetFunctionConfiguration (unqualified: `$LATEST`).
    package convenience init(lambda: Lambda) {
        self.init { name in try await lambda.getFunctionConfiguration(name, qualifier: nil) }
    }

    /// How many reads were started (each function at most once unless forgotten or failed).
    package var loads: Int { state.withLock { $0.loads } }

    /// The settings of `functionName`, read once.
    package func configuration(of functionName: String) async throws -> FunctionConfiguration {
        let (task, created) = state.withLock { state -> (Task<FunctionConfiguration, any Error>, Bool) in
            if let existing = state.tasks[functionName] { return (existing, false) }
            let load = self.load
            let task = Task { try await load(functionName) }
            state.tasks[functionName] = task
            state.loads += 1
            return (task, true)
        }
        do {
            return try await task.value
        } catch {
            if created { forget(functionName, ifStill: task) }
            throw error
        }
    }

    /// Forgets what was read of `functionName` (it was written, or is about to be).
    package func forget(_ functionName: String) {
        _ = state.withLock { $0.tasks.removeValue(forKey: functionName) }
    }

    private func forget(_ functionName: String, ifStill task: Task<FunctionConfiguration, any Error>) {
        state.withLock { state in
            if state.tasks[functionName] == task { state.tasks[functionName] = nil }
        }
    }
}
