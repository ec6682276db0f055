/// When Ferry asks before applying a change set.
package enum ApprovalPolicy: String, Sendable, CaseIterable {
    /// Always require approval (an interactive yes, or `--yes`).
    case required
    /// Never ask.
    case never
    /// Ask when standard input is a terminal; proceed without asking otherwise (the default).
    case tty
}

/// The safety rules of one environment.
package struct EnvironmentPolicy: Sendable, Equatable {
    /// Whether code-only changes may be hot-swapped instead of deployed through CloudFormation.
    package var hotswap: Bool
    /// When to ask before applying changes.
    package var approval: ApprovalPolicy
    /// Whether the stack gets termination protection.
    package var terminationProtection: Bool

    /// Creates a policy.
    package init(hotswap: Bool, approval: ApprovalPolicy, terminationProtection: Bool) {
        self.hotswap = hotswap
        self.approval = approval
        self.terminationProtection = terminationProtection
    }

    /// The default hot-swap setting for an environment: on, except for `prod` / `production`.
    package static func defaultHotswap(environment name: String) -> Bool {
        !["prod", "production"].contains(name.lowercased())
    }
}
