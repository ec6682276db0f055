import Foundation
import Reporting

/// The rollback plan, shown before anything changes.
public struct RollbackPlanEvent: FerryEvent {
    public let plan: RollbackPlan
    public let dryRun: Bool
    public var kind: String { "rollback.plan" }
    public var level: EventLevel { .info }
    public var message: String {
        "rollback plan for stack \(plan.stackName) (\(plan.environment))\(dryRun ? " — dry run, nothing changes" : ""):"
    }
    public var details: [String] { plan.rendered() }

    /// The event for `plan`.
    public init(plan: RollbackPlan, dryRun: Bool) {
        self.plan = plan
        self.dryRun = dryRun
    }
}

/// A step of a rollback (code restore, verification, record).
public struct RollbackStepEvent: FerryEvent {
    public let kind: String
    public let level: EventLevel
    public let message: String
    public let details: [String]

    /// A step; `kind` is `rollback.<step>`.
    public init(_ step: String, _ message: String, level: EventLevel = .info, details: [String] = []) {
        kind = "rollback.\(step)"
        self.level = level
        self.message = message
        self.details = details
    }
}
