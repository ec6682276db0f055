import Deployment
import Foundation

/// What `ferry rollback` asks for.
public struct RollbackRequest: Sendable {
    public var projectDirectory: URL
    public var configPath: URL?
    public var environmentName: String?
    public var session: AWSSessionOptions
    /// `--to ID`: the record to return to; nil for the last successful deploy before the current one.
    public var targetID: String?
    /// `--dry-run`: show the plan and the change set, change nothing.
    public var dryRun: Bool
    /// `--role-arn`.
    public var roleARN: String?
    /// `--yes`, `--approve`, the terminal and how to ask there.
    public var approval: ApprovalInput
    /// The most hot-swaps at once.
    public var concurrency: Int

    /// A request; only the project and how to reach AWS are required.
    public init(projectDirectory: URL, configPath: URL? = nil, environmentName: String? = nil, session: AWSSessionOptions,
                targetID: String? = nil, dryRun: Bool = false, roleARN: String? = nil,
                approval: ApprovalInput = ApprovalInput(), concurrency: Int = 10) {
        self.projectDirectory = projectDirectory
        self.configPath = configPath
        self.environmentName = environmentName
        self.session = session
        self.targetID = targetID
        self.dryRun = dryRun
        self.roleARN = roleARN
        self.approval = approval
        self.concurrency = concurrency
    }
}

/// What a rollback did.
public struct RollbackResult: Sendable {
    /// How it ended.
    public enum Outcome: Sendable, Equatable {
        /// `--dry-run`: shown only.
        case dryRun
        /// Not approved: nothing changed.
        case declined
        /// The stack runs the recorded template and code, verified.
        case rolledBack
    }

    public var outcome: Outcome
    /// The plan shown first.
    public var plan: RollbackPlan
    /// The functions hot-swapped after the deploy (`Root/Fn`).
    public var hotswapped: [String]
    /// The history record written (nil for a dry run).
    public var record: DeployRecord?
}
