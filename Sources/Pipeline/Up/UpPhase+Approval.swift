// `ferry up`'s approval of a hot-swap in an environment that requires approval.
import Configuration
import Deployment
import Hotswap

extension UpPhase {
    /// Asks before a hot-swap exactly as before a change set when the environment's policy is
    /// `approval = "required"`: `--approve` proceeds, a terminal asks (even with `--yes`), otherwise
    /// `ferry up` stops before changing anything. Other policies hot-swap without asking (a
    /// hot-swap changes only code, which the plan above showed).
    /// - Throws: `DeploymentError.refused` when not approved (nothing was uploaded or changed).
    func approveHotswap(_ plan: HotswapPlan, environment: EnvironmentConfiguration) async throws {
        guard environment.policy.approval == .required else { return }
        let input = options.approval
        let decision = ApprovalDecision.decide(
            policy: .required, yes: input.yes, approve: input.approve, isTTY: input.isTTY, environment: environment.name)
        let count = plan.operations.count
        switch decision {
        case .proceed:
            return
        case .ask:
            let question = "Hot-swap \(count) resource(s) of stack \(environment.stackName) in environment \(environment.name)? [y/N] "
            if await input.ask(question) { return }
            throw DeploymentError.refused("hot-swap not approved: nothing was changed", command: nil)
        case .refuse:
            throw DeploymentError.refused(
                "environment \(environment.name) requires approval (approval = \"required\"), also for a hot-swap: "
                    + "review the hot-swap plan above and run again with --approve",
                command: "ferry up --env \(environment.name) --approve")
        }
    }
}
