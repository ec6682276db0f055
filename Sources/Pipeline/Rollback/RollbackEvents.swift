import Foundation
import Reporting

/// The rollback plan, shown before anything changes.
package struct RollbackPlanEvent: FerryEvent {
    package let plan: RollbackPlan
    package let dryRun: Bool
    package var kind: String { "rollback.plan" }
    package var level: EventLevel { .info }
    package var message: String {
        "rollback plan for stack \(plan.stackName) (\(plan.environment))\(dryRun ? " — dry run, nothing changes" : ""):"
    }
    package var details: [String] { plan.rendered() }

    /// The event for `plan`.
    package init(plan: RollbackPlan, dryRun: Bool) {
        self.plan = plan
        self.dryRun = dryRun
    }
}

/// A step of a rollback (code restore, verification, record).
package struct RollbackStepEvent: FerryEvent {
    package let kind: String
    package let level: EventLevel
    package let message: String
    package let details: [String]

    /// A step; `kind` is `rollback.<step>`.
    package init(_ step: String, _ message: String, level: EventLevel = .info, details: [String] = []) {
        kind = "rollback.\(step)"
        self.level = level
        self.message = message
        self.details = details
    }
}
