import AWSCore
import AWSServices
import Deployment
import Foundation
import Hotswap
import Reporting
import Templates

extension RollbackWorkflow {
    /// Decides between the change-set path and the alias fast path (reads the aliases, their
    /// functions' published versions and the deployed templates only when the fast path may apply).
    func choosePath(steps: [RollbackPlan.CodeStep], recorded: RecordedTemplate, inspector: CodeInspector,
                    lambda: Lambda) async throws -> (path: RollbackPlan.Path, moves: [RollbackPlan.AliasMove], reason: String?) {
        var aliases: [String: String] = [:]
        for code in recorded.code {
            if let alias = code.publishAlias { aliases[code.qualifiedName] = alias }
        }
        let candidates = steps.compactMap { step -> (resource: String, functionName: String, alias: String)? in
            guard let name = step.functionName, let alias = aliases[step.resource] else { return nil }
            return (step.resource, name, alias)
        }
        // A differing function that is missing or has no alias already decides against the fast path.
        let withAlias = Set(candidates.map(\.resource))
        guard !candidates.isEmpty, steps.allSatisfy({ $0.action == .unchanged || withAlias.contains($0.resource) }) else {
            return AliasFastPath.decide(steps: steps, aliases: aliases, live: [:], templateDifferences: [])
        }
        let live = try await inspector.aliases(of: candidates, lambda: lambda)
        let differing = AliasFastPath.differing(steps: steps, aliases: aliases, live: live)
        guard !differing.isEmpty else {
            return AliasFastPath.decide(steps: steps, aliases: aliases, live: live, templateDifferences: [])
        }
        let deployed = await inspector.deployedTemplates(stackPaths: recorded.stacks.map(\.stackPath))
        var recordedTemplates: [String: Template] = [:]
        for stack in recorded.stacks { recordedTemplates[stack.stackPath] = stack.template }
        let differences = AliasFastPath.templateDifferences(
            recorded: recordedTemplates, deployed: deployed, ignoring: Set(differing.map(\.resource)))
        return AliasFastPath.decide(steps: steps, aliases: aliases, live: live, templateDifferences: differences)
    }

    /// The fast path: under the environment's lock, UpdateAlias for each move, then verify each
    /// alias's version `CodeSha256`, and record the rollback with `path: alias`.
    func moveAliases(_ plan: RollbackPlan, request: RollbackRequest, context: ResolvedProject, lambda: Lambda,
                     history: DeployHistory, lock: EnvironmentLock) async throws -> RollbackResult {
        let target = plan.target
        let holder = try await acquire(lock, context: context)
        let started = Date()
        let git = await GitState.read(in: context.configuration.directory)
        var record = DeployRecord(
            stackName: plan.stackName, environment: plan.environment, who: context.callerARN, startedAt: started,
            durationSeconds: 0, gitCommit: git.commit, gitDirty: git.dirty, templateHash: target.templateHash,
            templateURL: target.templateURL, parameters: target.parameters, artifactHashes: target.artifactHashes,
            changeSummary: "", changes: [], outcome: .declined, finalStatus: nil, rootCause: nil)
        record.rollbackOf = target.id
        record.path = RollbackPlan.Path.alias.rawValue
        do {
            let approval = RollbackApproval(request: request, context: context, target: target)
            guard try await approval.approveAliasMoves(count: plan.aliasMoves.count) else {
                record.changeSummary = "declined: no alias moved"
                try await finish(record, history: history, lock: lock, holder: holder)
                return RollbackResult(outcome: .declined, plan: plan, hotswapped: [], record: record)
            }
            for move in plan.aliasMoves {
                _ = try await lambda.updateAlias(move.functionName, name: move.alias, functionVersion: move.toVersion)
                record.changes.append("moved alias \(move.alias) of \(move.resource) from version \(move.fromVersion) to \(move.toVersion)")
                sink.emit(RollbackStepEvent("alias", "fast path: moved alias \(move.alias) → version \(move.toVersion) of \(move.resource)"))
            }
            let problems = try await verifyAliases(plan.aliasMoves, lambda: lambda, target: target)
            record.outcome = problems.isEmpty ? .rolledBack : .failed
            record.durationSeconds = Date().timeIntervalSince(started)
            record.changeSummary = "rolled back to \(target.id.prefix(8)) by moving \(plan.aliasMoves.count) alias(es) "
                + "($LATEST keeps the newer code)"
            record.rootCause = problems.isEmpty ? nil : problems.joined(separator: "; ")
            try await finish(record, history: history, lock: lock, holder: holder)
            guard problems.isEmpty else {
                throw PipelineFailure(.operationFailed, "the aliases of stack \(plan.stackName) do not serve record "
                    + "\(target.id.prefix(8)) after the rollback: " + problems.joined(separator: "; "))
            }
            sink.emit(RollbackStepEvent("complete", "stack \(plan.stackName)'s aliases serve record \(target.id.prefix(8)) again "
                + "(fast path; $LATEST still has the newer code)", level: .success))
            return RollbackResult(outcome: .rolledBack, plan: plan, hotswapped: [], record: record)
        } catch let failure as PipelineFailure {
            throw failure
        } catch {
            record.outcome = .failed
            record.durationSeconds = Date().timeIntervalSince(started)
            record.changeSummary = "the alias fast path failed"
            record.rootCause = FailurePresenter.present(error).message
            try? await finish(record, history: history, lock: lock, holder: holder)
            throw error
        }
    }

    /// Each moved alias's version `CodeSha256` against the record; returns the mismatches.
    func verifyAliases(_ moves: [RollbackPlan.AliasMove], lambda: Lambda, target: DeployRecord) async throws -> [String] {
        var problems: [String] = []
        var lines: [String] = []
        for move in moves {
            guard let served = try await CodeInspector.aliasCodeSha256(move.functionName, alias: move.alias, lambda: lambda) else {
                problems.append("\(move.resource): alias \(move.alias) is gone")
                continue
            }
            if served.codeSha256 == move.codeSha256 {
                lines.append("= \(move.resource):\(move.alias) → version \(served.version) \(HashText.short(move.codeSha256))")
            } else {
                problems.append("\(move.resource): alias \(move.alias) serves version \(served.version) with code "
                    + "\(HashText.short(served.codeSha256)) instead of the recorded \(HashText.short(move.codeSha256))")
            }
        }
        sink.emit(RollbackStepEvent("verify", problems.isEmpty
                                    ? "verified: \(moves.count) alias(es) serve the code of record \(target.id.prefix(8))"
                                    : "\(problems.count) mismatch(es) with record \(target.id.prefix(8))",
                                    level: problems.isEmpty ? .success : .error, details: problems.isEmpty ? lines : problems))
        return problems
    }
}
