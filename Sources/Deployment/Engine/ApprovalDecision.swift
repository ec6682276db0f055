import Configuration

/// Whether a change set may be executed without asking, must be asked about, or is refused.
package enum ApprovalDecision: Sendable, Equatable {
    /// Execute.
    case proceed
    /// Ask the person at the terminal.
    case ask
    /// Do not execute; `reason` says which flag is missing.
    case refuse(reason: String)

    /// Decides from the environment's policy, `--yes`, `--approve` and whether stdin is a TTY.
    ///
    /// - `never`: proceed. `tty` (default): `--yes`/`--approve` proceed, a TTY asks, otherwise
    ///   proceed. `required`: `--approve` proceeds, a TTY asks (even with `--yes`), otherwise refuse.
    package static func decide(policy: ApprovalPolicy, yes: Bool, approve: Bool, isTTY: Bool, environment: String) -> ApprovalDecision {
        switch policy {
        case .never:
            return .proceed
        case .tty:
            if yes || approve { return .proceed }
            return isTTY ? .ask : .proceed
        case .required:
            if approve { return .proceed }
            if isTTY { return .ask }
            return .refuse(reason: "environment \(environment) requires approval (approval = \"required\"): "
                + "review the change set above and run again with --approve")
        }
    }
}
