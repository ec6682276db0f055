import AWSServices

/// What a stack's status means for the next deploy, computed from DescribeStacks.
package enum StackState: Sendable, Equatable {
    /// No stack with that name (or it was deleted).
    case absent
    /// A stack created by a CREATE change set that was never executed: counts as absent.
    case reviewInProgress
    /// A stable state that accepts an UPDATE change set (`CREATE_COMPLETE`, `UPDATE_COMPLETE`,
    /// `UPDATE_ROLLBACK_COMPLETE`, `IMPORT_COMPLETE`, ...).
    case ready(StackStatus)
    /// A failed first create that rolled back: it can only be deleted.
    case rollbackComplete
    /// Another operation is running (`*_IN_PROGRESS`).
    case inProgress(StackStatus)
    /// An update whose rollback failed: needs ContinueUpdateRollback.
    case updateRollbackFailed
    /// A failed state that needs a person (`ROLLBACK_FAILED`, `DELETE_FAILED`, `CREATE_FAILED`, ...).
    case failed(StackStatus)

    /// The state of a stack as DescribeStacks returned it; `nil` is `.absent`.
    package init(stack: Stack?) {
        guard let stack else { self = .absent; return }
        self.init(status: stack.stackStatus)
    }

    /// The state for a stack status.
    package init(status: StackStatus) {
        switch status {
        case .reviewInProgress: self = .reviewInProgress
        case .deleteComplete: self = .absent
        case .rollbackComplete: self = .rollbackComplete
        case .updateRollbackFailed: self = .updateRollbackFailed
        case .createComplete, .updateComplete, .updateRollbackComplete, .importComplete, .importRollbackComplete:
            self = .ready(status)
        default:
            if status.isInProgress {
                self = .inProgress(status)
            } else if status.isFailed {
                self = .failed(status)
            } else {
                self = .failed(status)
            }
        }
    }

    /// Whether the stack exists for CloudFormation's purposes (an UPDATE change set is needed).
    package var exists: Bool {
        switch self {
        case .absent, .reviewInProgress: false
        default: true
        }
    }
}
