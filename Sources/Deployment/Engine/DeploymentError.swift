import Foundation

/// Why a deploy stopped: what happened, to which stack, and what to do next.
package struct DeploymentError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Kind: Sendable, Equatable {
        case refused(reason: String, command: String?)
        case changeSetFailed(stack: String, reason: String)
        case operationFailed(stack: String, status: String, rootCause: RootCause?)
        case locked(LockHolder, key: String, command: String)
        case corruptLock(key: String, reason: String, command: String)
        case template(path: String, reason: String)
        case templateTooLarge(path: String, size: Int)
        case badParameter(String)
        case noHistory(reason: String)
    }

    private let kind: Kind

    /// A stack state that needs a person first; `command` is the exact command to run.
    package static func refused(_ reason: String, command: String?) -> DeploymentError {
        DeploymentError(kind: .refused(reason: reason, command: command))
    }

    /// CloudFormation could not compute the change set.
    package static func changeSetFailed(stack: String, reason: String) -> DeploymentError {
        DeploymentError(kind: .changeSetFailed(stack: stack, reason: reason))
    }

    /// The stack operation ended in a failed state.
    package static func operationFailed(stack: String, status: String, rootCause: RootCause?) -> DeploymentError {
        DeploymentError(kind: .operationFailed(stack: stack, status: status, rootCause: rootCause))
    }

    /// Someone else holds the environment's lock.
    package static func locked(_ holder: LockHolder, key: String, command: String) -> DeploymentError {
        DeploymentError(kind: .locked(holder, key: key, command: command))
    }

    /// The lock object exists but is empty or not a lock.
    package static func corruptLock(key: String, reason: String, command: String) -> DeploymentError {
        DeploymentError(kind: .corruptLock(key: key, reason: reason, command: command))
    }

    /// Whether someone else holds the lock.
    package var isLocked: Bool {
        if case .locked = kind { return true }
        return false
    }

    /// The template could not be read.
    package static func template(path: String, reason: String) -> DeploymentError {
        DeploymentError(kind: .template(path: path, reason: reason))
    }

    /// The template is over 51,200 bytes and there is no artifact bucket to upload it to.
    package static func templateTooLarge(path: String, size: Int) -> DeploymentError {
        DeploymentError(kind: .templateTooLarge(path: path, size: size))
    }

    /// A `--parameter` that is not `KEY=VALUE`.
    package static func badParameter(_ text: String) -> DeploymentError {
        DeploymentError(kind: .badParameter(text))
    }

    /// History could not be read.
    package static func noHistory(_ reason: String) -> DeploymentError {
        DeploymentError(kind: .noHistory(reason: reason))
    }

    /// Whether the input was wrong (a flag, a template) rather than the operation.
    package var isBadInput: Bool {
        switch kind {
        case .template, .templateTooLarge, .badParameter: true
        default: false
        }
    }

    /// The root cause, when the stack operation failed.
    package var rootCause: RootCause? {
        if case .operationFailed(_, _, let cause) = kind { return cause }
        return nil
    }

    package var description: String {
        switch kind {
        case .refused(let reason, let command):
            return command.map { "\(reason). Run: \($0)" } ?? reason
        case .changeSetFailed(let stack, let reason):
            return "CloudFormation could not create a change set for stack \(stack): \(reason)"
        case .operationFailed(let stack, let status, let cause):
            let root = cause.map { "; root cause: \($0.summary)" } ?? ""
            return "deploy of stack \(stack) failed, the stack is \(status)\(root)"
        case .locked(let holder, let key, let command):
            return "the environment is locked by \(holder.summary) since "
                + "\(holder.acquiredAt.formatted(.iso8601)), until \(holder.expiresAt.formatted(.iso8601)) "
                + "(lock object \(key)). Wait for their deploy to finish; if it is stale, run: \(command)"
        case .corruptLock(let key, let reason, let command):
            return "the deploy lock object \(key) cannot be read: \(reason). If no deploy or hot-swap is running, "
                + "remove it with: \(command)"
        case .template(let path, let reason):
            return "cannot read template \(path): \(reason)"
        case .templateTooLarge(let path, let size):
            return "template \(path) is \(size) bytes, over CloudFormation's 51,200-byte limit for inline templates, "
                + "and no artifact bucket is configured: set [artifacts] bucket in ferry.toml or pass --template-url"
        case .badParameter(let text):
            return "--parameter \(text): expected KEY=VALUE (for example --parameter LogLevel=DEBUG)"
        case .noHistory(let reason):
            return "cannot read deploy history: \(reason)"
        }
    }
}
