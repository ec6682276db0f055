import Configuration
import Foundation

/// What a traffic shift will do, decided before any alias moves: each alias with the version it
/// serves now and the version it moves to, and the steps (percent on the new version, then how
/// long to watch the alarms).
package struct TrafficShiftPlan: Sendable, Equatable {
    /// One alias to move from one published version to another.
    package struct AliasShift: Sendable, Equatable, Encodable {
        /// The function's logical ID behind its nested stacks (`OrdersFunction`, `Api/Handler`).
        package var resource: String
        /// The function name in Lambda.
        package var functionName: String
        /// The alias (`live`).
        package var alias: String
        /// The version the alias served before the new one was published.
        package var fromVersion: String
        /// The newly published version.
        package var toVersion: String

        /// A shift.
        package init(resource: String, functionName: String, alias: String, fromVersion: String, toVersion: String) {
            self.resource = resource
            self.functionName = functionName
            self.alias = alias
            self.fromVersion = fromVersion
            self.toVersion = toVersion
        }

        /// `OrdersFunction:live 3 → 4`.
        package var line: String { "\(resource):\(alias) \(fromVersion) → \(toVersion)" }
    }

    /// One step: the share of the new version, then how long to watch before the next step.
    package struct Step: Sendable, Equatable, Encodable {
        /// Percent of the traffic on the new version (100: the alias points at the new version alone).
        package var percent: Int
        /// How long to watch the alarms after this step (zero for the last step).
        package var wait: Duration

        /// A step.
        package init(percent: Int, wait: Duration) {
            self.percent = percent
            self.wait = wait
        }

        /// The weight UpdateAlias sends for the new version (0.1 for 10%).
        package var weight: Double { Double(percent) / 100 }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(percent, forKey: .percent)
            try container.encode(wait.components.seconds, forKey: .waitSeconds)
        }

        private enum CodingKeys: String, CodingKey { case percent, waitSeconds }
    }

    /// The strategy the steps come from.
    package var strategy: TrafficStrategy
    /// The aliases to move, sorted by resource.
    package var shifts: [AliasShift]
    /// The steps, the last one at 100%.
    package var steps: [Step]
    /// The CloudWatch alarms watched between steps.
    package var alarms: [String]
    /// Whether each new version's `Errors` metric is watched.
    package var watchErrors: Bool
    /// Errors a new version may have before the shift rolls back.
    package var errorThreshold: Int
    /// Aliases whose version changed but that cannot be shifted, with the reason (said, not shifted).
    package var skipped: [String]

    /// A plan.
    package init(strategy: TrafficStrategy, shifts: [AliasShift], alarms: [String] = [], watchErrors: Bool = true,
                errorThreshold: Int = TrafficSettings.defaultErrorThreshold, skipped: [String] = []) {
        self.strategy = strategy
        self.shifts = shifts
        self.steps = Self.steps(for: strategy)
        self.alarms = alarms
        self.watchErrors = watchErrors
        self.errorThreshold = errorThreshold
        self.skipped = skipped
    }

    /// The steps of a strategy: canary `p` then 100; linear `p`, `2p`, ... below 100 then 100;
    /// all at once: 100. Every step but the last is followed by its wait.
    package static func steps(for strategy: TrafficStrategy) -> [Step] {
        switch strategy {
        case .allAtOnce:
            return [Step(percent: 100, wait: .zero)]
        case .canary(let percent, let wait):
            return [Step(percent: percent, wait: wait), Step(percent: 100, wait: .zero)]
        case .linear(let percent, let every):
            var steps: [Step] = []
            var current = percent
            while current < 100 {
                steps.append(Step(percent: current, wait: every))
                current += percent
            }
            steps.append(Step(percent: 100, wait: .zero))
            return steps
        }
    }

    /// Whether there is nothing to move.
    package var isEmpty: Bool { shifts.isEmpty }

    /// Total watch time of the plan.
    package var totalWait: Duration { steps.reduce(.zero) { $0 + $1.wait } }

    /// `10% for 5m → 100%`.
    package var stepsText: String {
        steps.map { step in
            step.wait == .zero ? "\(step.percent)%" : "\(step.percent)% for \(TrafficStrategy.format(step.wait))"
        }.joined(separator: " → ")
    }

    /// The plan from the aliases before and after new versions were published: every alias whose
    /// version changed (and whose function is selected) moves from the old version to the new.
    ///
    /// - Parameters:
    ///   - settings: the environment's traffic settings (strategy possibly overridden by `--traffic`).
    ///   - before: the aliases as they were before the deploy or hot-swap.
    ///   - after: the aliases now.
    package static func make(settings: TrafficSettings, before: [AliasState], after: [AliasState]) -> TrafficShiftPlan {
        var previous: [String: AliasState] = [:]
        for state in before { previous[state.key] = state }
        var shifts: [AliasShift] = []
        var skipped: [String] = []
        for state in after.sorted(by: { $0.key < $1.key }) {
            guard settings.functions.isEmpty || settings.functions.contains(state.resource)
                    || settings.functions.contains(state.logicalID) else { continue }
            guard let old = previous[state.key], old.version != state.version else { continue }
            guard old.version != "$LATEST", state.version != "$LATEST" else {
                skipped.append("\(state.resource):\(state.alias): weighted routing needs published versions, not $LATEST")
                continue
            }
            shifts.append(AliasShift(resource: state.resource, functionName: state.functionName, alias: state.alias,
                                     fromVersion: old.version, toVersion: state.version))
        }
        return TrafficShiftPlan(strategy: settings.strategy, shifts: shifts, alarms: settings.alarms,
                                watchErrors: settings.watchErrors, errorThreshold: settings.errorThreshold, skipped: skipped)
    }
}

/// One alias as read from Lambda: which function, which version it serves, and any weighted routing.
package struct AliasState: Sendable, Equatable, Encodable {
    /// The function's logical ID behind its nested stacks (`OrdersFunction`, `Api/Handler`).
    package var resource: String
    /// The function's logical ID in its own stack.
    package var logicalID: String
    /// The function name in Lambda.
    package var functionName: String
    /// The alias name.
    package var alias: String
    /// The version the alias points at (`FunctionVersion`).
    package var version: String
    /// Additional versions and their weights (a shift in progress), empty when none.
    package var routing: [String: Double]

    /// A state.
    package init(resource: String, logicalID: String, functionName: String, alias: String, version: String,
                routing: [String: Double] = [:]) {
        self.resource = resource
        self.logicalID = logicalID
        self.functionName = functionName
        self.alias = alias
        self.version = version
        self.routing = routing
    }

    /// `functionName:alias`.
    package var key: String { "\(functionName):\(alias)" }
}
