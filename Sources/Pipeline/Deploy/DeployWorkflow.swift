import AWSCore
import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap
import Reporting

/// `ferry deploy` end to end: configuration, AWS session, caller identity, lock, the change-set
/// deploy, the history record and the lock's release (also when the deploy fails).
package struct DeployWorkflow: Sendable {
    private let sink: any EventSink

    /// A workflow that emits to `sink`.
    package init(sink: any EventSink) {
        self.sink = sink
    }

    /// Runs the request. Returns the deploy's result (nil for `--cancel` / `--continue-rollback`).
    ///
    /// - Throws: `ConfigurationError`, AWS errors, `DeploymentError` (refused, locked, ...), or a
    ///   `PipelineFailure` of category `.operationFailed` when the stack operation failed (after
    ///   the root cause was emitted and the history recorded).
    package func run(_ project: ProjectRequest, _ request: DeployWorkflowRequest) async throws -> DeployResult? {
        var context = try await ResolvedProject.forDeploy(project)
        if request.action == .deploy, !request.dryRun {
            try await ImagePublisher.pushReferenced(by: context.template(request), project: &context, sink: sink)
        }
        return try await run(request, resolved: context)
    }

    /// Runs the request for a project `ferry up` already resolved (its artifact location known);
    /// asks STS for the caller, as a deploy records who deployed.
    func run(_ request: DeployWorkflowRequest, project: ResolvedProject) async throws -> DeployResult? {
        var context = project
        try await context.resolveIdentity()
        return try await run(request, resolved: context)
    }

    /// Runs the request for a resolved project whose caller is known.
    private func run(_ request: DeployWorkflowRequest, resolved context: ResolvedProject) async throws -> DeployResult? {
        NoEchoValues.register(context.environment, overrides: context.request.parameterOverrides, templateFile: request.templatePath)
        let watched = PhaseWatchingSink(sink, interruption: request.interruption,
                                        stackName: context.environment.stackName, environment: context.environment.name)
        let deployer = Deployer(cloudFormation: context.cloudFormation, sink: watched, timing: context.deployTiming)
        let stackName = context.environment.stackName

        switch request.action {
        case .cancel:
            let status = try await deployer.cancelUpdate(stackName: stackName)
            sink.emit(DeployStepEvent("cancelled", "stack \(stackName) is \(status.rawValue)", level: .success))
            return nil
        case .continueRollback:
            let status = try await deployer.continueRollback(stackName: stackName, roleARN: request.roleARN)
            guard status == .updateRollbackComplete else {
                throw PipelineFailure(.operationFailed, "the rollback of stack \(stackName) ended in \(status.rawValue)")
            }
            sink.emit(DeployStepEvent("rolledBack", "stack \(stackName) is \(status.rawValue): it can be deployed again", level: .success))
            return nil
        case .deploy:
            break
        }
        if request.dryRun {
            if !context.environment.operate.beforeDeploy.isEmpty {
                sink.emit(DeployStepEvent("gates", "before_deploy gates are not run on a dry run", level: .debug))
            }
        } else {
            try await GateRunner(processEnvironment: context.processEnvironment).run(
                environment: context.environment, projectRoot: context.configuration.directory, sink: sink, skip: request.skipGates)
        }

        let traffic = request.dryRun ? nil : try await TrafficShiftSession.prepare(
            context: context, override: request.traffic, processEnvironment: context.processEnvironment, sink: sink)
        let deployRequest = try context.deployRequest(request)
        let lock = context.lock
        var session: LockSession?
        if let lock, !request.dryRun {
            if request.forceUnlock, let previous = try await lock.forceRelease() {
                sink.emit(DeployStepEvent("unlock", "removed the lock held by \(previous.owner) (\(previous.host), pid \(previous.pid))", level: .warning))
            }
            do {
                session = try await LockSession.take(
                    lock, owner: context.callerARN, environment: context.environment.name, stackName: stackName,
                    command: "ferry deploy", timeout: request.lockTimeout, sink: sink)
            } catch where S3.isNotFound(error) {
                throw PipelineFailure(
                    .operationFailed,
                    "the artifact bucket \(lock.bucket) does not exist (it holds the deploy lock and history): "
                        + "run `ferry package --create-bucket --env \(context.environment.name)` or check it with `ferry doctor`")
            }
            if let session { request.interruption?.onInterrupt { try? await session.lock.release(session.holder) } }
        } else if context.lock == nil {
            sink.emit(DeployStepEvent("lock", "no artifact bucket configured: deploying without a lock and without history", level: .warning))
        }

        let started = Date()
        let git = await GitState.read(in: context.configuration.directory)
        if let session, let history = context.history {
            // Ctrl-C: record the interrupted deploy, then free the lock (CloudFormation goes on).
            let who = context.callerARN
            request.interruption?.onInterrupt {
                let record = HistoryRecorder.interrupted(deployRequest, who: who, started: started, git: git)
                _ = try? await history.append(record)
                try? await session.lock.release(session.holder)
            }
        }
        let outcome: Result<DeployResult, any Error>
        do {
            outcome = .success(try await deployer.deploy(deployRequest, approve: approval(request, context: context)))
        } catch {
            outcome = .failure(error)
        }
        if let history = context.history, !request.dryRun {
            let record = HistoryRecorder.record(
                outcome, request: deployRequest, who: context.callerARN, started: started, git: git)
            do {
                let key = try await history.append(record)
                sink.emit(DeployStepEvent("history", "recorded s3://\(history.bucket)/\(key)", level: .debug))
            } catch {
                sink.emit(DeployStepEvent("history", "could not record the deploy: \(FailurePresenter.present(error).message)", level: .warning))
            }
        }
        // A traffic shift follows a successful deploy under the same lock (it releases it).
        let shiftFollows = traffic != nil && { if case .success(let result) = outcome, case .deployed = result.outcome { true } else { false } }()
        if let session, shiftFollows {
            request.interruption?.onInterrupt { try? await session.lock.release(session.holder) }
        } else if let session {
            await session.release(sink: sink)
            request.interruption?.onInterrupt(nil)
        }
        if !request.dryRun, !context.environment.operate.notify.isEmpty,
           let notification = DeployNotification.deploy(
               outcome, environment: context.environment.name, stackName: stackName, region: context.session.settings.region,
               who: context.callerARN, started: started, gitCommit: git.commit) {
            await WebhookNotifier(transport: context.transport, processEnvironment: context.processEnvironment)
                .notify(notification, webhooks: context.environment.operate.notify, sink: sink)
        }
        let result = try outcome.get()
        if case .failed(let status, let cause) = result.outcome {
            throw PipelineFailure(
                .operationFailed, DeploymentError.operationFailed(stack: stackName, status: status.rawValue, rootCause: cause).description)
        }
        if case .deployed = result.outcome {
            await clearHotswapRecord(context)
            try await traffic?.shift(interruption: request.interruption, approval: request.approval, sink: sink, lock: session)
        }
        return result
    }
}

extension DeployWorkflow {
    /// After a deploy, the template again says what runs: the hot-swap record is removed (a
    /// failure to remove it is a warning).
    func clearHotswapRecord(_ context: ResolvedProject) async {
        guard let location = context.location, let bucket = location.bucket else { return }
        let stackName = context.environment.stackName
        let store = HotswapRecordStore(s3: context.session.s3, bucket: bucket, prefix: location.prefix)
        do {
            guard try await store.latest(stackName: stackName) != nil else { return }
            try await store.clear(stackName: stackName)
            sink.emit(DeployStepEvent("hotswapRecord", "the deploy reconciled the hot-swapped resources with the template; record cleared", level: .info))
        } catch {
            sink.emit(DeployStepEvent("hotswapRecord", "could not clear the hot-swap record: \(FailurePresenter.present(error).message)", level: .warning))
        }
    }
}

extension DeployWorkflow {
    /// The engine's approval: the environment's policy applied to the flags and the terminal.
    func approval(_ request: DeployWorkflowRequest, context: ResolvedProject) -> Deployer.Approval {
        let input = request.approval
        let env = context.environment
        let decision = ApprovalDecision.decide(
            policy: env.policy.approval, yes: input.yes, approve: input.approve, isTTY: input.isTTY, environment: env.name)
        return { report in
            switch decision {
            case .proceed:
                return true
            case .ask:
                let warning = report.dataLosingChanges.isEmpty ? "" : " (\(report.dataLosingChanges.count) change(s) lose data)"
                return await input.ask("Execute this change set on stack \(env.stackName)\(warning)? [y/N] ")
            case .refuse(let reason):
                throw DeploymentError.refused(reason, command: "ferry deploy --env \(env.name) --approve")
            }
        }
    }
}

/// Marks the interruption phase `executing` when the deployer starts executing.
private struct PhaseWatchingSink: EventSink {
    let base: any EventSink
    let interruption: DeployInterruption?
    let stackName: String
    let environment: String

    init(_ base: any EventSink, interruption: DeployInterruption?, stackName: String, environment: String) {
        self.base = base
        self.interruption = interruption
        self.stackName = stackName
        self.environment = environment
    }

    func emit(_ event: any FerryEvent) {
        if event.kind == "deploy.executing" {
            interruption?.enter(.executing(stackName: stackName, environment: environment))
        }
        base.emit(event)
    }
}
