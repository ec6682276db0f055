import Configuration
import Foundation
import Reporting

/// Applies a `TrafficShiftPlan`: moves every alias step by step with weighted routing, watches
/// the alarms (and each new version's errors) during each wait, and rolls every alias back to its
/// previous version at 100% as soon as one fires.
package struct TrafficShifter: Sendable {
    /// How a shift ended.
    package enum Outcome: Sendable, Equatable {
        /// Every alias serves its new version at 100%.
        case completed
        /// Every alias serves its previous version again, because of `reason`.
        case rolledBack(reason: String)
        /// Ctrl-C: the aliases were rolled back or moved to 100% as decided.
        case interrupted(TrafficShiftControl.Decision)
    }

    /// Moves aliases.
    package let router: any AliasRouter
    /// Reads alarms and errors.
    package let watch: any TrafficWatch
    /// Waits.
    package let clock: any TrafficClock
    /// How often the alarms are read during a wait.
    package let pollInterval: Duration
    /// Ctrl-C requests (nil: none).
    package let control: TrafficShiftControl?

    /// The default time between two reads of the alarms.
    package static let defaultPollInterval: Duration = .seconds(10)

    /// A shifter.
    package init(router: any AliasRouter, watch: any TrafficWatch, clock: any TrafficClock = ContinuousTrafficClock(),
                pollInterval: Duration = Self.defaultPollInterval, control: TrafficShiftControl? = nil) {
        self.router = router
        self.watch = watch
        self.clock = clock
        self.pollInterval = pollInterval
        self.control = control
    }

    /// Applies `plan`. `started` is when the new versions went live (errors are counted from then).
    /// The caller marks `control` done once it has also recorded the outcome.
    /// - Throws: AWS errors of UpdateAlias (after trying to roll back), `CancellationError`.
    package func apply(_ plan: TrafficShiftPlan, started: Date = Date(), sink: any EventSink) async throws -> Outcome {
        let name = plan.strategy.description
        guard !plan.isEmpty else { return .completed }
        let count = plan.steps.count
        for (offset, step) in plan.steps.enumerated() {
            if let decision = control?.requested { return try await stop(plan, decision, sink: sink) }
            do {
                try await move(plan, to: step)
            } catch {
                let reason = "UpdateAlias failed at \(step.percent)%: \(FailurePresenter.present(error).message)"
                _ = try? await rollBack(plan, reason: reason, alarms: [:], sink: sink)
                throw error
            }
            sink.emit(TrafficShiftEvent(.step, strategy: name, stepIndex: offset + 1, stepCount: count, percent: step.percent,
                                        aliases: plan.shifts.map(\.line)))
            guard step.wait > .zero else { continue }
            var remaining = step.wait
            var sincePoll = pollInterval
            while true {
                if sincePoll >= pollInterval || remaining <= .zero {
                    let (states, firing) = try await check(plan, started: started)
                    if let firing {
                        return try await rollBack(plan, reason: firing, alarms: states, sink: sink)
                    }
                    sink.emit(TrafficShiftEvent(.watching, strategy: name, stepIndex: offset + 1, stepCount: count,
                                                percent: step.percent, secondsLeft: Int(remaining.components.seconds),
                                                alarms: states))
                    sincePoll = .zero
                }
                if remaining <= .zero { break }
                if let decision = control?.requested { return try await stop(plan, decision, sink: sink) }
                let slice = min(remaining, .seconds(1))
                try await clock.sleep(for: slice)
                remaining -= slice
                sincePoll += slice
            }
        }
        sink.emit(TrafficShiftEvent(.completed, strategy: name, aliases: plan.shifts.map(\.line)))
        return .completed
    }

    /// One step for every alias: below 100% the alias stays on the previous version and routes
    /// `weight` to the new one; at 100% it points at the new version with no routing.
    func move(_ plan: TrafficShiftPlan, to step: TrafficShiftPlan.Step) async throws {
        for shift in plan.shifts {
            if step.percent >= 100 {
                try await router.route(functionName: shift.functionName, alias: shift.alias, version: shift.toVersion, weights: [:])
            } else {
                try await router.route(functionName: shift.functionName, alias: shift.alias, version: shift.fromVersion,
                                       weights: [shift.toVersion: step.weight])
            }
        }
    }

    /// The alarm states and, when something fires, why (the first alarm in `ALARM`, else the
    /// first new version over the error threshold).
    func check(_ plan: TrafficShiftPlan, started: Date) async throws -> (states: [String: String], firing: String?) {
        let states = try await watch.alarmStates(plan.alarms)
        if let alarm = plan.alarms.first(where: { states[$0] == "ALARM" }) {
            return (states, "alarm \(alarm) is in ALARM")
        }
        if plan.watchErrors {
            for shift in plan.shifts {
                let errors = try await watch.errors(functionName: shift.functionName, alias: shift.alias, version: shift.toVersion,
                                                  since: started)
                if errors > Double(plan.errorThreshold) {
                    return (states, "\(shift.resource) version \(shift.toVersion) had \(Int(errors)) error(s) "
                        + "(AWS/Lambda Errors; more than error_threshold = \(plan.errorThreshold))")
                }
            }
        }
        return (states, nil)
    }

    /// Every alias back to its previous version at 100%; every alias is tried even when one fails.
    func rollBack(_ plan: TrafficShiftPlan, reason: String, alarms: [String: String], sink: any EventSink) async throws -> Outcome {
        let name = plan.strategy.description
        sink.emit(TrafficShiftEvent(.rollingBack, strategy: name, alarms: alarms, aliases: plan.shifts.map(\.line), reason: reason))
        var failures: [String] = []
        for shift in plan.shifts {
            do {
                try await router.route(functionName: shift.functionName, alias: shift.alias, version: shift.fromVersion, weights: [:])
            } catch {
                failures.append("\(shift.resource):\(shift.alias): \(FailurePresenter.present(error).message)")
            }
        }
        guard failures.isEmpty else {
            throw PipelineFailure(.operationFailed, "the traffic shift rolled back (\(reason)) but could not move "
                + "\(failures.count) alias(es) back: " + failures.joined(separator: "; ")
                + ". Point them at their previous version with `aws lambda update-alias` or `ferry rollback`.")
        }
        sink.emit(TrafficShiftEvent(.rolledBack, strategy: name,
                                    aliases: plan.shifts.map { "\($0.resource):\($0.alias) → \($0.fromVersion)" }))
        return .rolledBack(reason: reason)
    }

    /// Ctrl-C: roll back, or move every alias to its new version now.
    func stop(_ plan: TrafficShiftPlan, _ decision: TrafficShiftControl.Decision, sink: any EventSink) async throws -> Outcome {
        switch decision {
        case .rollBack:
            _ = try await rollBack(plan, reason: "interrupted (Ctrl-C)", alarms: [:], sink: sink)
        case .finish:
            try await move(plan, to: TrafficShiftPlan.Step(percent: 100, wait: .zero))
            sink.emit(TrafficShiftEvent(.completed, strategy: plan.strategy.description, aliases: plan.shifts.map(\.line),
                                        reason: "finished at once after Ctrl-C"))
        }
        return .interrupted(decision)
    }
}
