import Configuration
import Deployment
import Foundation
import Synchronization

/// Decides whether a rollback may change the stack: the environment's approval policy applied
/// to `--yes`, `--approve` and the terminal, asked at most once for the change set and the
/// code step together.
final class RollbackApproval: Sendable {
    private let decision: ApprovalDecision
    private let input: ApprovalInput
    private let stackName: String
    private let targetID: String
    private let command: String
    private let answered = Mutex<Bool?>(nil)

    init(request: RollbackRequest, context: ResolvedProject, target: DeployRecord) {
        let environment = context.environment
        decision = ApprovalDecision.decide(
            policy: environment.policy.approval, yes: request.approval.yes, approve: request.approval.approve,
            isTTY: request.approval.isTTY, environment: environment.name)
        input = request.approval
        stackName = environment.stackName
        targetID = String(target.id.prefix(8))
        command = "ferry rollback --env \(environment.name) --to \(String(target.id.prefix(8))) --approve"
    }

    /// The change set of step 1.
    func approve(_ report: ChangeSetReport) async throws -> Bool {
        let warning = report.dataLosingChanges.isEmpty ? "" : " (\(report.dataLosingChanges.count) change(s) lose data)"
        return try await ask("Roll stack \(stackName) back to \(targetID) with this change set\(warning)? [y/N] ")
    }

    /// The hot-swaps of step 2 (asked only when the change set was not: the template was unchanged).
    func approveHotswap(count: Int) async throws -> Bool {
        if let earlier = answered.withLock({ $0 }) { return earlier }
        return try await ask("Roll stack \(stackName) back to \(targetID) by updating the code of \(count) function(s)? [y/N] ")
    }

    /// The alias moves of the fast path (no change set, no hot-swap).
    func approveAliasMoves(count: Int) async throws -> Bool {
        try await ask("Roll stack \(stackName) back to \(targetID) by moving the alias of \(count) function(s) back? [y/N] ")
    }

    private func ask(_ question: String) async throws -> Bool {
        let answer: Bool
        switch decision {
        case .proceed: answer = true
        case .ask: answer = await input.ask(question)
        case .refuse(let reason): throw DeploymentError.refused(reason, command: command)
        }
        answered.withLock { $0 = answer }
        return answer
    }
}
