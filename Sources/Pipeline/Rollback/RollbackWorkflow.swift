import AWSCore
import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap
import Reporting
import Synchronization

/// `ferry rollback`: returns the environment's stack to a recorded deploy. Plans first (the
/// recorded template, its parameters and each function's code), then, under the environment's
/// lock: deploys the recorded template through a change set (the `Deployer`), hot-swaps the
/// functions still running other code from the recorded S3 objects, verifies code and template
/// against the record, and records the rollback in the history.
package struct RollbackWorkflow: Sendable {
    let sink: any EventSink

    /// A workflow that emits to `sink`.
    package init(sink: any EventSink) {
        self.sink = sink
    }

    /// Runs the rollback.
    /// - Throws: `RollbackError` (no bucket, the record's template or code is gone),
    ///   `PipelineFailure` (nothing to roll back to; the deploy or the verification failed),
    ///   `DeploymentError` (locked, refused), AWS errors.
    package func run(_ project: ProjectRequest, _ request: RollbackRequest) async throws -> RollbackResult {
        let context = try await ResolvedProject.forDeploy(project)
        guard let location = context.location, let bucket = location.bucket, let history = context.history,
              let lock = context.lock else {
            throw RollbackError.noBucket
        }
        let stackName = context.environment.stackName
        let (target, current) = try RollbackTarget.choose(from: try await history.list(limit: 1000), id: request.targetID)
        let recorded = try await RecordedTemplate.load(target, bucket: bucket, prefix: location.prefix, s3: context.session.s3)
        let inspector = CodeInspector(
            cloudFormation: context.cloudFormation, functions: HotswapServices.aws(context.session.client).functions,
            s3: context.session.s3, rootStackName: stackName)
        let expected = try await inspector.expected(recorded.code, recordID: target.id)
        let steps = RollbackPlan.codeSteps(
            recorded: expected, live: try await inspector.live(recorded.code),
            deployedLocations: await inspector.deployedLocations(stackPaths: recorded.stacks.map(\.stackPath)))
        let parameters = RollbackPlan.parameters(from: target)
        var plan = RollbackPlan(
            stackName: stackName, environment: context.environment.name, current: current, target: target,
            template: recorded.address, parameters: RollbackPlan.parameterLines(parameters), code: steps)
        let lambda = Lambda(client: context.session.client)
        let decision = try await choosePath(steps: steps, recorded: recorded, inspector: inspector, lambda: lambda)
        plan.path = decision.path
        plan.aliasMoves = decision.moves
        plan.pathReason = decision.reason
        sink.emit(RollbackPlanEvent(plan: plan, dryRun: request.dryRun))
        if plan.path == .alias {
            if request.dryRun {
                return RollbackResult(outcome: .dryRun, plan: plan, hotswapped: [], record: nil)
            }
            return try await moveAliases(plan, request: request, context: context, lambda: lambda,
                                         history: history, lock: lock)
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-rollback-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(target.templateHash).template")
        try recorded.body.write(to: file)
        var deployRequest = try context.deployRequest(DeployWorkflowRequest(
            templatePath: file, roleARN: request.roleARN, dryRun: request.dryRun))
        deployRequest.parameters = parameters
        let deployer = Deployer(cloudFormation: context.cloudFormation, sink: sink, timing: context.deployTiming)

        if request.dryRun {
            _ = try await deployer.deploy(deployRequest, approve: { _ in false })
            return RollbackResult(outcome: .dryRun, plan: plan, hotswapped: [], record: nil)
        }

        let holder = try await acquire(lock, context: context)
        let started = Date()
        let git = await GitState.read(in: context.configuration.directory)
        let approval = RollbackApproval(request: request, context: context, target: target)
        do {
            let result = try await deployer.deploy(deployRequest, approve: { report in try await approval.approve(report) })
            var record = HistoryRecorder.record(.success(result), request: deployRequest, who: context.callerARN, started: started, git: git)
            record.rollbackOf = target.id
            switch result.outcome {
            case .deployed, .upToDate:
                break
            case .declined, .dryRun:
                try await finish(record, history: history, lock: lock, holder: holder)
                return RollbackResult(outcome: .declined, plan: plan, hotswapped: [], record: record)
            case .failed(let status, let cause):
                try await finish(record, history: history, lock: lock, holder: holder)
                throw PipelineFailure(.operationFailed, "the rollback of stack \(stackName) to \(target.id.prefix(8)) failed: "
                    + DeploymentError.operationFailed(stack: stackName, status: status.rawValue, rootCause: cause).description)
            }
            let restored = try await restoreCode(expected, inspector: inspector, approval: approval, concurrency: request.concurrency,
                                                 client: context.session.client)
            let problems = try await verify(expected, target: target, recordedTemplate: recorded.body, inspector: inspector) + restored.failures
            record.outcome = problems.isEmpty ? .rolledBack : .failed
            record.durationSeconds = Date().timeIntervalSince(started)
            record.changeSummary = "rolled back to \(target.id.prefix(8)): \(result.report?.counts ?? "template unchanged"), "
                + "\(restored.swapped.count) function(s) hot-swapped"
            record.changes += restored.lines
            record.rootCause = problems.isEmpty ? nil : problems.joined(separator: "; ")
            if problems.isEmpty {
                let store = HotswapRecordStore(s3: context.session.s3, bucket: bucket, prefix: location.prefix)
                try? await store.clear(stackName: stackName)
            }
            try await finish(record, history: history, lock: lock, holder: holder)
            guard problems.isEmpty else {
                throw PipelineFailure(.operationFailed, "stack \(stackName) does not match record \(target.id.prefix(8)) after the rollback: "
                    + problems.joined(separator: "; "))
            }
            sink.emit(RollbackStepEvent("complete", "stack \(stackName) runs record \(target.id.prefix(8)) again: template and code verified",
                                        level: .success))
            return RollbackResult(outcome: .rolledBack, plan: plan, hotswapped: restored.swapped, record: record)
        } catch let failure as PipelineFailure {
            throw failure
        } catch {
            var record = HistoryRecorder.record(.failure(error), request: deployRequest, who: context.callerARN, started: started, git: git)
            record.rollbackOf = target.id
            try? await finish(record, history: history, lock: lock, holder: holder)
            throw error
        }
    }

    /// Records `record` and releases the lock.
    func finish(_ record: DeployRecord, history: DeployHistory, lock: EnvironmentLock, holder: LockHolder) async throws {
        do {
            let key = try await history.append(record)
            sink.emit(RollbackStepEvent("history", "recorded s3://\(history.bucket)/\(key)", level: .debug))
        } catch {
            sink.emit(RollbackStepEvent("history", "could not record the rollback: \(FailurePresenter.present(error).message)", level: .warning))
        }
        await LockSession(lock: lock, holder: holder).release(sink: sink)
    }

    /// Takes the environment's deploy lock (a stale or abandoned one is taken over with a warning).
    func acquire(_ lock: EnvironmentLock, context: ResolvedProject) async throws -> LockHolder {
        try await LockSession.take(
            lock, owner: context.callerARN, environment: context.environment.name,
            stackName: context.environment.stackName, command: "ferry rollback", sink: sink).holder
    }
}
