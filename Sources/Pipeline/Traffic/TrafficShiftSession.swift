import AWSCore
import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap
import Reporting

/// Gradual traffic shifting around one deploy or hot-swap: `prepare` (before) reads the aliases
/// and checks the alarms exist; `shift` (after) moves every alias that got a new version step by
/// step, and on an alarm rolls back, records the rollback in history, notifies and fails.
struct TrafficShiftSession: Sendable {
    let context: ResolvedProject
    let settings: TrafficSettings
    let reader: AliasReader
    let before: [AliasState]
    /// The environment webhook URLs expand `${VAR}` from.
    let processEnvironment: [String: String]

    /// The settings in force: `[env.X.traffic]` with `override` (`--traffic`) as its strategy, or
    /// `override` alone; nil when neither.
    static func settings(_ environment: EnvironmentConfiguration, override: TrafficStrategy?) -> TrafficSettings? {
        guard var settings = environment.traffic else { return override.map { TrafficSettings(strategy: $0) } }
        if let override { settings.strategy = override }
        return settings
    }

    /// Reads the aliases before anything changes; nil when the environment does not shift traffic.
    /// - Throws: `PipelineFailure` (bad input) when a named alarm does not exist; AWS errors.
    static func prepare(context: ResolvedProject, override: TrafficStrategy?, processEnvironment: [String: String],
                        sink: any EventSink) async throws -> TrafficShiftSession? {
        guard let settings = settings(context.environment, override: override) else { return nil }
        let session = context.session
        if !settings.alarms.isEmpty {
            let known = try await CloudWatchTrafficWatch(cloudWatch: CloudWatch(client: session.client)).alarmStates(settings.alarms)
            let missing = settings.alarms.filter { known[$0] == nil }
            if !missing.isEmpty {
                throw PipelineFailure(.badInput, "[env.\(context.environment.name).traffic] alarms: no CloudWatch alarm named "
                    + missing.joined(separator: ", ") + " in region \(session.settings.region); create it or fix the name "
                    + "(nothing was deployed)")
            }
        }
        let resolver = PhysicalResolver(rootStackName: context.environment.stackName,
                                        lister: CloudFormationResourceLister(cloudFormation: context.cloudFormation))
        let reader = AliasReader(resolver: resolver, lambda: Lambda(client: session.client))
        let before = try await reader.aliases()
        let selected = before.filter { settings.functions.isEmpty || settings.functions.contains($0.resource)
            || settings.functions.contains($0.logicalID) }
        sink.emit(TrafficShiftEvent(
            .armed, strategy: settings.strategy.description,
            aliases: selected.map { "\($0.resource):\($0.alias) serves version \($0.version) now" },
            reason: TrafficShiftPreview.summary(settings)))
        return TrafficShiftSession(context: context, settings: settings, reader: reader, before: before,
                                   processEnvironment: processEnvironment)
    }

    /// After new versions are published: plans and applies the shift.
    /// - Throws: `PipelineFailure` (operation failed) after a rollback, once it is recorded and notified.
    ///
    /// `lock`, the environment's deploy lock held through the shift (a second deploy or hot-swap
    /// is refused meanwhile), is released on every way out: done, rolled back, failed or Ctrl-C.
    func shift(interruption: DeployInterruption?, approval: ApprovalInput, sink: any EventSink,
               clock: any TrafficClock = ContinuousTrafficClock(), lock: LockSession? = nil) async throws {
        do {
            try await shiftHoldingLock(interruption: interruption, approval: approval, sink: sink, clock: clock, lock: lock)
        } catch {
            await lock?.release(sink: sink)
            throw error
        }
        await lock?.release(sink: sink)
    }

    private func shiftHoldingLock(interruption: DeployInterruption?, approval: ApprovalInput, sink: any EventSink,
                                  clock: any TrafficClock, lock: LockSession?) async throws {
        let after = try await fresh().aliases()
        let plan = TrafficShiftPlan.make(settings: settings, before: before, after: after)
        for note in plan.skipped {
            sink.emit(TrafficShiftEvent(.note, strategy: plan.strategy.description, reason: note))
        }
        guard !plan.isEmpty else {
            sink.emit(TrafficShiftEvent(.idle, strategy: plan.strategy.description, reason: "no alias got a new version: nothing to shift"))
            return
        }
        let control = TrafficShiftControl()
        let previousPhase = interruption?.phase
        interruption?.enter(.shiftingTraffic(environment: context.environment.name))
        interruption?.onInterrupt(Self.onInterrupt(control: control, approval: approval), timeout: .seconds(600))
        defer {
            interruption?.onInterrupt(nil)
            if let previousPhase { interruption?.enter(previousPhase) }
        }
        let started = Date()
        let shifter = TrafficShifter(
            router: LambdaAliasRouter(lambda: reader.lambda), watch: CloudWatchTrafficWatch(cloudWatch: CloudWatch(client: context.session.client)),
            clock: clock, control: control)
        let outcome: TrafficShifter.Outcome
        do {
            outcome = try await shifter.apply(plan, started: started, sink: sink)
        } catch {
            control.markDone()
            throw error
        }
        switch outcome {
        case .completed:
            control.markDone()
        case .interrupted(let decision):
            if decision == .rollBack { await record(plan, reason: "interrupted (Ctrl-C)", started: started, sink: sink) }
            // The Ctrl-C handler ends the process (exit 130) as soon as the shift is marked done:
            // the lock goes first.
            await lock?.release(sink: sink)
            control.markDone()
            try await Task.sleep(for: .seconds(30))
            throw PipelineFailure(.operationFailed, "interrupted during the traffic shift (\(decision.rawValue))")
        case .rolledBack(let reason):
            await record(plan, reason: reason, started: started, sink: sink)
            control.markDone()
            throw PipelineFailure(.operationFailed, "the traffic shift (\(plan.strategy)) of stack \(context.environment.stackName) "
                + "rolled back: \(reason). Every shifted alias serves its previous version again; $LATEST and the new "
                + "version(s) keep the new code. Fix the cause, then deploy again.")
        }
    }

    /// A reader that lists the stack again (the deploy may have added aliases).
    private func fresh() -> AliasReader {
        AliasReader(resolver: PhysicalResolver(rootStackName: context.environment.stackName,
                                               lister: CloudFormationResourceLister(cloudFormation: context.cloudFormation)),
                    lambda: reader.lambda)
    }

    /// Ctrl-C: on a terminal, ask whether to finish or roll back; otherwise roll back. Then wait
    /// until the shifting task has done it.
    static func onInterrupt(control: TrafficShiftControl, approval: ApprovalInput) -> @Sendable () async -> Void {
        { 
            guard !control.isDone else { return }
            let finish = approval.isTTY
                ? await approval.ask("Finish the traffic shift now (every alias to its new version)? [y/N, N rolls back] ")
                : false
            control.request(finish ? .finish : .rollBack)
            await control.waitUntilDone()
        }
    }

    /// The rollback in the environment's history (when it has an artifact bucket) and its webhooks.
    func record(_ plan: TrafficShiftPlan, reason: String, started: Date, sink: any EventSink) async {
        let environment = context.environment
        let git = await GitState.read(in: context.configuration.directory)
        var record = DeployRecord(
            stackName: environment.stackName, environment: environment.name, who: context.callerARN, startedAt: started,
            durationSeconds: Date().timeIntervalSince(started), gitCommit: git.commit, gitDirty: git.dirty, templateHash: "",
            templateURL: nil, parameters: [], artifactHashes: [],
            changeSummary: "traffic shift \(plan.strategy) rolled back: \(reason)",
            changes: plan.shifts.map { "moved alias \($0.alias) of \($0.resource) back from version \($0.toVersion) to \($0.fromVersion)" },
            outcome: .rolledBack, finalStatus: nil, rootCause: reason)
        record.path = "traffic"
        if let history = context.history {
            do {
                let key = try await history.append(record)
                sink.emit(DeployStepEvent("history", "recorded the traffic rollback: s3://\(history.bucket)/\(key)", level: .debug))
            } catch {
                sink.emit(DeployStepEvent("history", "could not record the traffic rollback: \(FailurePresenter.present(error).message)",
                                          level: .warning))
            }
        }
        guard !environment.operate.notify.isEmpty else { return }
        let notification = DeployNotification(
            operation: .trafficShift, outcome: .failed, environment: environment.name, stackName: environment.stackName,
            region: context.session.settings.region, who: context.callerARN, summary: record.changeSummary,
            changes: record.changes, durationSeconds: record.durationSeconds, failure: reason, gitCommit: git.commit)
        await WebhookNotifier(processEnvironment: processEnvironment)
            .notify(notification, webhooks: environment.operate.notify, sink: sink)
    }
}

extension TrafficShiftSession {
    /// `prepare` for `ferry up`'s hot-swap path: asks STS who the caller is (for history) only when
    /// the environment shifts traffic (or `--traffic` was given).
    static func prepare(_ options: UpPhase.Options, project: ResolvedProject,
                        sink: any EventSink) async throws -> TrafficShiftSession? {
        guard settings(project.environment, override: options.traffic) != nil else { return nil }
        var context = project
        if context.identity == nil { try await context.resolveIdentity() }
        return try await prepare(context: context, override: options.traffic, processEnvironment: options.processEnvironment,
                                 sink: sink)
    }
}
