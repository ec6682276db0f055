import Configuration
import Deployment
import Foundation

/// What `ferry deploy` asks for: the project, the environment and the command-line flags.
package struct DeployWorkflowRequest: Sendable {
    /// What the command does.
    package enum Action: Sendable, Equatable {
        /// Deploy with a change set (the default).
        case deploy
        /// `--cancel`: cancel the update in progress.
        case cancel
        /// `--continue-rollback`: continue a failed update rollback.
        case continueRollback
    }

    package var action: Action
    /// `--template PATH`.
    package var templatePath: URL?
    /// `--template-url URL`.
    package var templateURL: String?
    package var roleARN: String?
    package var notificationARNs: [String]
    package var dryRun: Bool
    /// `--no-wait`: fail instead of waiting for another operation.
    package var noWait: Bool
    /// `--force-unlock`: remove the lock first, whoever holds it.
    package var forceUnlock: Bool
    /// `--yes`, `--approve`, whether stdin is a terminal, and how to ask there.
    package var approval: ApprovalInput
    /// Phase and cleanup for Ctrl-C.
    package var interruption: DeployInterruption?
    /// `--skip-gates`: do not run the environment's `before_deploy` gates (a warning says so).
    package var skipGates = false
    /// `--lock-timeout`: how long to wait while someone else holds the deploy lock (0: stop at once).
    package var lockTimeout: Duration = .zero
    /// `--traffic STRATEGY`: shift aliases with this strategy (overrides `[env.X.traffic] strategy`).
    package var traffic: TrafficStrategy?

    /// A request (the project, environment, AWS settings and `--parameter`s are the command's
    /// `ProjectRequest`, given to ``DeployWorkflow/run(_:_:)`` beside it).
    package init(
        action: Action = .deploy, templatePath: URL? = nil, templateURL: String? = nil,
        roleARN: String? = nil, notificationARNs: [String] = [], dryRun: Bool = false, noWait: Bool = false,
        forceUnlock: Bool = false, approval: ApprovalInput = ApprovalInput(), interruption: DeployInterruption? = nil
    ) {
        self.action = action
        self.templatePath = templatePath
        self.templateURL = templateURL
        self.roleARN = roleARN
        self.notificationARNs = notificationARNs
        self.dryRun = dryRun
        self.noWait = noWait
        self.forceUnlock = forceUnlock
        self.approval = approval
        self.interruption = interruption
    }
}

/// What decides whether a change set is executed: the flags, the terminal, and the question.
package struct ApprovalInput: Sendable {
    /// `--yes`.
    package var yes: Bool
    /// `--approve` (required for environments with `approval = "required"` when not on a TTY).
    package var approve: Bool
    /// Whether standard input is a terminal.
    package var isTTY: Bool
    /// Asks the question at the terminal; `true` to execute.
    package var ask: @Sendable (_ question: String) async -> Bool

    /// Input; by default no flags, no terminal, and a question nobody answers.
    package init(yes: Bool = false, approve: Bool = false, isTTY: Bool = false,
                ask: @escaping @Sendable (_ question: String) async -> Bool = { _ in false }) {
        self.yes = yes
        self.approve = approve
        self.isTTY = isTTY
        self.ask = ask
    }
}
