import AWSServices

/// What a deploy must do first, given the stack's state: a pure decision, table-tested.
package enum DeployPreparation: Sendable, Equatable {
    /// Create the stack with a CREATE change set.
    case create
    /// Update the stack with an UPDATE change set.
    case update
    /// Delete the stack (a failed first create), wait, then create it again.
    case recreate
    /// Wait for the running operation to end, then decide again.
    case wait(StackStatus)
    /// Stop: nothing can be deployed until a person acts. `command` is the exact command to run.
    case refuse(reason: String, command: String?)

    /// The rules that decide what happens to a stack in a state a deploy cannot update.
    package struct Rules: Sendable, Equatable {
        /// Whether a `ROLLBACK_COMPLETE` stack may be deleted and recreated (not in production).
        package var recreateFailedCreate: Bool
        /// Whether to wait for another operation (`false` with `--no-wait`).
        package var waitForOtherOperation: Bool
        /// The environment's `--env` value, for the commands in messages.
        package var environmentName: String

        /// Rules for one environment.
        package init(recreateFailedCreate: Bool, waitForOtherOperation: Bool, environmentName: String) {
            self.recreateFailedCreate = recreateFailedCreate
            self.waitForOtherOperation = waitForOtherOperation
            self.environmentName = environmentName
        }
    }

    /// Decides what to do for `stackName` in `state`.
    package static func decide(_ state: StackState, stackName: String, rules: Rules) -> DeployPreparation {
        let env = "--env \(rules.environmentName)"
        switch state {
        case .absent, .reviewInProgress:
            return .create
        case .ready:
            return .update
        case .rollbackComplete:
            if rules.recreateFailedCreate { return .recreate }
            return .refuse(
                reason: "stack \(stackName) is in ROLLBACK_COMPLETE (its first create failed) and can only be deleted; "
                    + "this environment does not allow Ferry to delete it",
                command: "aws cloudformation delete-stack --stack-name \(stackName) && ferry deploy \(env)")
        case .inProgress(let status):
            if rules.waitForOtherOperation { return .wait(status) }
            return .refuse(
                reason: "stack \(stackName) is busy (\(status.rawValue)): another operation is running",
                command: "ferry deploy \(env)   # without --no-wait, to wait for it")
        case .updateRollbackFailed:
            return .refuse(
                reason: "stack \(stackName) is in UPDATE_ROLLBACK_FAILED: its last update could not be rolled back",
                command: "ferry deploy \(env) --continue-rollback")
        case .failed(let status):
            return .refuse(
                reason: "stack \(stackName) is in \(status.rawValue) and cannot be updated; look at its events in the console",
                command: status == .deleteFailed || status == .rollbackFailed
                    ? "aws cloudformation delete-stack --stack-name \(stackName)" : nil)
        }
    }
}
