import Deployment
import Foundation

/// What `ferry rollback` asks for.
package struct RollbackRequest: Sendable {
    /// `--to ID`: the record to return to; nil for the last successful deploy before the current one.
    package var targetID: String?
    /// `--dry-run`: show the plan and the change set, change nothing.
    package var dryRun: Bool
    /// `--role-arn`.
    package var roleARN: String?
    /// `--yes`, `--approve`, the terminal and how to ask there.
    package var approval: ApprovalInput
    /// The most hot-swaps at once.
    package var concurrency: Int

    /// A request (the project, environment and AWS settings are the command's `ProjectRequest`,
    /// given to ``RollbackWorkflow/run(_:_:)`` beside it).
    package init(targetID: String? = nil, dryRun: Bool = false, roleARN: String? = nil,
                approval: ApprovalInput = ApprovalInput(), concurrency: Int = 10) {
        self.targetID = targetID
        self.dryRun = dryRun
        self.roleARN = roleARN
        self.approval = approval
        self.concurrency = concurrency
    }
}

/// What a rollback did.
package struct RollbackResult: Sendable {
    /// How it ended.
    package enum Outcome: Sendable, Equatable {
        /// `--dry-run`: shown only.
        case dryRun
        /// Not approved: nothing changed.
        case declined
        /// The stack runs the recorded template and code, verified.
        case rolledBack
    }

    package var outcome: Outcome
    /// The plan shown first.
    package var plan: RollbackPlan
    /// The functions hot-swapped after the deploy (`Root/Fn`).
    package var hotswapped: [String]
    /// The history record written (nil for a dry run).
    package var record: DeployRecord?
}
