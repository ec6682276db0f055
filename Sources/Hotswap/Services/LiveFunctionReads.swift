import AWSServices
import Foundation
import Synchronization

/// Live Lambda settings read once while kept: a function's code and settings targets, and the
/// verify after a plan that wrote nothing, share one read; many functions are read by one
/// ListFunctions page per 50 instead of one call each.
///
/// A read in flight is joined, not repeated; a read that failed is forgotten once it ended (its
/// waiting callers see the error, a later caller reads again); a write through the services that
/// hold it forgets that function (``forget(_:)``). Keep one per detection context: it is a
/// snapshot of what runs, valid as long as nothing was written since.
package final class LiveFunctionReads: Sendable {
    /// Reads one function's settings (GetFunctionConfiguration, or a fake in tests).
    package typealias Load = @Sendable (String) async throws -> FunctionConfiguration
    /// One page of ListFunctions after `marker` (nil: the first page).
    package typealias ListPage = @Sendable (_ marker: String?) async throws -> (functions: [FunctionConfiguration], nextMarker: String?)

    /// Functions per ListFunctions page (Lambda's maximum and default).
    package static let pageSize = 50

    private let load: Load
    private let listPage: ListPage?
    private struct State {
        var tasks: [String: Task<FunctionConfiguration, any Error>] = [:]
        /// Functions as a ListFunctions page gave them, by name.
        var listed: [String: FunctionConfiguration] = [:]
        var loads = 0
        var pages = 0
    }
    private let state = Mutex(State())

    /// Reads that call `load` at most once per function name, and `listPage` for ``prefetch(_:concurrency:)``.
    package init(load: @escaping Load, listPage: ListPage? = nil) {
        self.load = load
        self.listPage = listPage
    }

    /// Reads through `lambda`: GetFunctionConfiguration (unqualified: `$LATEST`) and ListFunctions.
    package convenience init(lambda: Lambda) {
        self.init(load: { name in try await lambda.getFunctionConfiguration(name, qualifier: nil) },
                  listPage: { marker in try await lambda.listFunctionsPage(marker: marker) })
    }

    /// How many single reads were started (each function at most once unless forgotten or failed).
    package var loads: Int { state.withLock { $0.loads } }
    /// How many ListFunctions pages were read.
    package var pages: Int { state.withLock { $0.pages } }

    /// Lists the functions `names` (those not read yet) when that takes fewer calls than reading
    /// them one by one, `concurrency` at once: with more than `concurrency` of them. Reads at most
    /// one page per 50 names plus one, so a region holding many other functions costs no more than
    /// that; a name not listed by then is read alone when asked. A failed page ends the listing
    /// (the names are then read alone).
    package func prefetch(_ names: Set<String>, concurrency: Int) async {
        guard let listPage else { return }
        var wanted = state.withLock { state in names.filter { state.tasks[$0] == nil && state.listed[$0] == nil } }
        guard wanted.count > max(1, concurrency) else { return }
        let budget = (wanted.count + Self.pageSize - 1) / Self.pageSize + 1
        var marker: String?
        for _ in 0..<budget {
            guard let page = try? await listPage(marker) else { return }
            state.withLock { state in
                state.pages += 1
                for function in page.functions {
                    guard let name = function.functionName, wanted.contains(name), state.tasks[name] == nil else { continue }
                    state.listed[name] = function
                }
            }
            for function in page.functions { if let name = function.functionName { wanted.remove(name) } }
            guard !wanted.isEmpty, let next = page.nextMarker, !next.isEmpty else { return }
            marker = next
        }
    }

    /// The settings of `functionName` as ListFunctions or GetFunctionConfiguration gives them:
    /// code hash, ARN, environment, description, handler, runtime, layers. (AWS's ListFunctions
    /// leaves out `State` and `LastUpdateStatus`: ask ``configuration(of:)`` for those.)
    package func summary(of functionName: String) async throws -> FunctionConfiguration {
        if let listed = state.withLock({ $0.tasks[functionName] == nil ? $0.listed[functionName] : nil }) { return listed }
        return try await configuration(of: functionName)
    }

    /// The whole settings of `functionName` (GetFunctionConfiguration), read once; a listed entry
    /// serves when it has `State` and `LastUpdateStatus` (the emulator's ListFunctions gives them).
    package func configuration(of functionName: String) async throws -> FunctionConfiguration {
        let (task, created, listed) = state.withLock { state -> (Task<FunctionConfiguration, any Error>?, Bool, FunctionConfiguration?) in
            if let existing = state.tasks[functionName] { return (existing, false, nil) }
            if let listed = state.listed[functionName], listed.state != nil, listed.lastUpdateStatus != nil {
                return (nil, false, listed)
            }
            let load = self.load
            let task = Task { try await load(functionName) }
            state.tasks[functionName] = task
            state.loads += 1
            return (task, true, nil)
        }
        if let listed { return listed }
        guard let task else { preconditionFailure("a read task or a listed entry") }
        do {
            return try await task.value
        } catch {
            if created { forget(functionName, ifStill: task) }
            throw error
        }
    }

    /// Forgets what was read of `functionName` (it was written, or is about to be).
    package func forget(_ functionName: String) {
        state.withLock { state in
            state.tasks[functionName] = nil
            state.listed[functionName] = nil
        }
    }

    private func forget(_ functionName: String, ifStill task: Task<FunctionConfiguration, any Error>) {
        state.withLock { state in
            if state.tasks[functionName] == task { state.tasks[functionName] = nil }
        }
    }
}
