import Configuration
import Foundation
import Hotswap

/// What the plan says about traffic shifting: which functions will shift (those with an alias
/// whose code changes) and how, before anything is deployed.
enum TrafficShiftPreview {
    /// The `traffic.planned` event for `plan`, or nil when the environment does not shift traffic.
    static func event(_ plan: DeploymentPlan, environment: EnvironmentConfiguration, override: TrafficStrategy?) -> TrafficShiftEvent? {
        guard let settings = TrafficShiftSession.settings(environment, override: override) else { return nil }
        let functions = (plan.code?.operations ?? []).map(\.target).filter { target in
            target.publishAlias != nil && (settings.functions.isEmpty || settings.functions.contains(target.logicalID.rawValue)
                || settings.functions.contains(displayName(target)))
        }
        let shifting = functions.map { "\(displayName($0)):\($0.publishAlias ?? "") gets a new version and shifts" }
        return TrafficShiftEvent(.planned, strategy: settings.strategy.description, aliases: shifting,
                                 reason: summary(settings) + (shifting.isEmpty ? "; no function with an alias changes code" : ""))
    }

    /// `Handler`, or `Api/Handler` in the nested stack `Api` (as `AliasState.resource` names it).
    static func displayName(_ target: HotswapTarget) -> String {
        (target.stackPath.split(separator: "/").dropFirst().map(String.init) + [target.logicalID.rawValue]).joined(separator: "/")
    }

    /// `10% for 5m → 100%, watching alarms a, b; Errors of each new version > 0 rolls back`.
    static func summary(_ settings: TrafficSettings) -> String {
        let steps = TrafficShiftPlan(strategy: settings.strategy, shifts: []).stepsText
        let watching = settings.alarms.isEmpty ? "no alarms" : "alarms " + settings.alarms.joined(separator: ", ")
        let errors = settings.watchErrors ? "; Errors of each new version > \(settings.errorThreshold) rolls back" : ""
        return "\(steps), watching \(watching)\(errors)"
    }
}
