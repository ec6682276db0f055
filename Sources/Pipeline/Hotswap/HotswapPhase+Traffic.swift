import Foundation
import Hotswap
import Reporting

extension HotswapPhase {
    /// `ferry update` and `ferry watch`: applies the plan, then, where the environment has
    /// `[env.X.traffic]`, shifts the aliases that got new versions step by step under the deploy
    /// lock, as `ferry up`'s hot-swap path does (the aliases are read before the hot-swap).
    func applyThenShift(_ plan: HotswapPlan, project: ResolvedProject, started: Date, sink: any EventSink) async throws -> Output {
        guard TrafficShiftSession.settings(project.environment, override: nil) != nil, !plan.operations.isEmpty else {
            return try await apply(plan, project: project, started: started, sink: sink)
        }
        var context = project
        if context.identity == nil { try await context.resolveIdentity() }
        let traffic = try await TrafficShiftSession.prepare(
            context: context, override: nil, processEnvironment: project.processEnvironment, sink: sink)
        let output = try await apply(plan, project: context, started: started, sink: sink)
        if let traffic {
            let lock = try await takeLock(project: context, sink: sink)
            try await traffic.shift(interruption: options.interruption, approval: options.approval, sink: sink, lock: lock)
        }
        return output
    }
}
