import Configuration
import Foundation
import Reporting

/// What a traffic shift is doing: the plan, each step, each look at the alarms (with the time
/// left), a rollback and the end. The CLI renders them; engines never print.
package struct TrafficShiftEvent: FerryEvent {
    /// The moment of the shift.
    package enum Stage: String, Sendable, Encodable {
        /// Which aliases will move and how (before the deploy or hot-swap).
        case planned
        /// Before the deploy: the aliases read and the alarms checked; the shift follows the deploy.
        case armed
        /// An alias that cannot be shifted, or aliases that could not be read.
        case note
        /// Nothing to shift: no alias got a new version.
        case idle
        /// A step was applied: the aliases route `percent`% to the new versions.
        case step
        /// The alarms were read during a wait.
        case watching
        /// An alarm fired (or errors passed the threshold, or Ctrl-C asked for it): rolling back.
        case rollingBack = "rolling-back"
        /// Every alias serves its previous version again.
        case rolledBack = "rolled-back"
        /// Every alias serves its new version alone.
        case completed
    }

    package let stage: Stage
    /// The strategy as written (`canary:10:5m`).
    package let strategy: String
    /// 1-based step and the number of steps (for `step` and `watching`).
    package let stepIndex: Int?
    package let stepCount: Int?
    /// Percent on the new versions.
    package let percent: Int?
    /// Seconds left before the next step (for `watching`).
    package let secondsLeft: Int?
    /// Alarm name → state (for `watching` and `rollingBack`).
    package let alarms: [String: String]
    /// The aliases (`OrdersFunction:live 3 → 4`).
    package let aliases: [String]
    /// Why (for `rollingBack`, `note`).
    package let reason: String?

    /// An event.
    package init(_ stage: Stage, strategy: String, stepIndex: Int? = nil, stepCount: Int? = nil, percent: Int? = nil,
                secondsLeft: Int? = nil, alarms: [String: String] = [:], aliases: [String] = [], reason: String? = nil) {
        self.stage = stage
        self.strategy = strategy
        self.stepIndex = stepIndex
        self.stepCount = stepCount
        self.percent = percent
        self.secondsLeft = secondsLeft
        self.alarms = alarms
        self.aliases = aliases
        self.reason = reason
    }

    package var kind: String { "traffic.\(stage.rawValue)" }

    package var level: EventLevel {
        switch stage {
        case .planned, .armed, .step, .watching, .idle: .info
        case .note: .warning
        case .rollingBack, .rolledBack: .error
        case .completed: .success
        }
    }

    package var message: String {
        let position = stepIndex.map { "step \($0)/\(stepCount ?? $0)" } ?? ""
        switch stage {
        case .planned:
            return "traffic: \(strategy) — \(reason ?? "")"
        case .armed:
            return "traffic: \(strategy) after the deploy — \(aliases.count) alias(es) read, alarms found"
        case .note, .idle:
            return "traffic: \(reason ?? "")"
        case .step:
            return "traffic \(position): \(percent ?? 0)% on the new version(s) of \(aliases.count) alias(es)"
        case .watching:
            let states = alarms.keys.sorted().map { "\($0)=\(alarms[$0] ?? "?")" }.joined(separator: ", ")
            let left = secondsLeft.map { TrafficShiftEvent.clock($0) } ?? "-"
            return "traffic \(position): \(percent ?? 0)%, next step in \(left)" + (states.isEmpty ? "" : "; alarms: \(states)")
        case .rollingBack:
            return "traffic: ROLLING BACK \(aliases.count) alias(es) to their previous version: \(reason ?? "")"
        case .rolledBack:
            return "traffic: rolled back; every alias serves its previous version at 100%"
        case .completed:
            return "traffic: \(strategy) complete; every alias serves its new version at 100%"
        }
    }

    package var details: [String] {
        switch stage {
        case .planned, .armed, .step, .rollingBack, .rolledBack, .completed: aliases
        case .note, .idle, .watching: []
        }
    }

    /// `4m 05s`, `12s`.
    static func clock(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds)s" : String(format: "%dm %02ds", seconds / 60, seconds % 60)
    }
}
