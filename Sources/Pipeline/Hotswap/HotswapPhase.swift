import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap
import Reporting
import Templates

/// `ferry update`: classify every function, definition and AppSync resource against what runs,
/// show the plan, apply it with bounded concurrency, verify each result, and record what now
/// runs ahead of the stack's template. Allowed only where the environment says `hotswap = true`.
package struct HotswapPhase: Sendable {
    /// What to update and how (the project comes with `run`).
    package struct Options: Sendable {
        /// The most operations at once (`--concurrency`, default 10).
        package var concurrency: Int
        /// `--dry-run`: plan and show, change nothing.
        package var dryRun: Bool
        /// Only these logical IDs (or `Stack/Path/LogicalID`); empty for all.
        package var only: [String]
        /// `--skip-gates`: do not run the environment's `before_deploy` gates (a warning says so).
        package var skipGates = false
        /// `--stack`: only the targets of these stacks (and the stacks under them); combines with `only`.
        package var stacks = StackSelection.everything
        /// `--lock-timeout`: how long to wait while someone else holds the deploy lock (0: stop at once).
        package var lockTimeout: Duration = .zero
        /// The command named in the lock (`ferry update`, `ferry up`, `ferry watch`).
        package var command = "ferry update"
        /// Ctrl-C during a traffic shift that follows the hot-swap (`[env.X.traffic]`).
        package var interruption: DeployInterruption?
        /// How a Ctrl-C during a traffic shift asks whether to finish or roll back (default: roll back).
        package var approval = ApprovalInput()
        /// Whether the zips it hot-swaps are shared through the remote build cache (uploaded, with
        /// their action entries); off unless the command sets it (`ferry update` does).
        package var remoteCache = RemoteCacheSettings.off

        /// Options.
        package init(concurrency: Int = 10, dryRun: Bool = false, only: [String] = []) {
            self.concurrency = concurrency
            self.dryRun = dryRun
            self.only = only
        }
    }

    /// What the phase did.
    package struct Output: Sendable {
        /// The plan.
        package let plan: HotswapPlan
        /// One result per applied operation (empty for a dry run).
        package let results: [HotswapResult]
        /// The S3 keys of the hot-swap record written, if any.
        package let recordKeys: [String]
    }

    /// The options.
    package let options: Options

    /// A phase.
    package init(options: Options) { self.options = options }

    /// Resolves `request` (refused where the environment forbids hot-swap) and runs the phase.
    /// - Throws: `PipelineFailure` when the environment forbids hot-swap, a change needs
    ///   CloudFormation, or an operation failed (after the others finished); configuration,
    ///   template and AWS errors as they come.
    package func run(_ request: ProjectRequest, sink: any EventSink) async throws -> Output {
        let started = Date()
        var project = try ResolvedProject.resolve(
            request, policy: { environment in try Self.checkPolicy(environment, sink: sink) })
        await project.adoptManagedBucket()
        try project.loadTree()
        try project.readManifest()
        let build = try project.localBuild(project.manifest, required: true)
        try await project.resolveArtifacts(required: false)
        try await project.planImages()
        let selected = try options.stacks.resolve(in: project.loadedTree)
        let allTargets = try project.hotswapTargets(build: build, selected: selected)
        let targets = try ResolvedProject.limit(allTargets, to: options.only, selected: selected)
        let resolver = project.resolver
        let planner = HotswapPlanner(context: project.detectionContext(resolver: resolver), concurrency: options.concurrency)
        var plan: HotswapPlan
        if let packaged = try await packagedTemplateRejections(project: project, targets: allTargets, resolver: resolver,
                                                               planner: planner) {
            var code = await planner.plan(targets: targets)
            let unchanged = PlanPhase.unevaluableUnchanged(code.rejections, changed: packaged.changed)
            code.rejections.removeAll { unchanged.rejections.contains($0) }
            let named = Set(packaged.rejections.map(\.qualifiedName))
            code.rejections = packaged.rejections + code.rejections.filter { !named.contains($0.qualifiedName) }
            plan = code
        } else {
            let changes = try await project.templateChanges(selected: selected, only: options.only, resolver: resolver)
            plan = await planner.plan(targets: targets, templateChanges: changes)
        }
        sink.emit(HotswapPlanEvent(plan: plan, dryRun: options.dryRun))
        // A resource whose content only CloudFormation can evaluate does not stop the others.
        let deferred = plan.rejections.filter { $0.unevaluable != nil }
        let blocking = plan.rejections.filter { $0.unevaluable == nil }
        if !blocking.isEmpty {
            let lines = plan.rejections.map { "  \($0.qualifiedName): \($0.reason)" }.joined(separator: "\n")
            throw PipelineFailure(.operationFailed, "\(plan.rejections.count) change(s) cannot be hot-swapped; nothing was changed:\n"
                + "\(lines)\nRun `ferry deploy --env \(project.environment.name)` to deploy them through CloudFormation.")
        }
        if options.dryRun {
            return Output(plan: plan, results: [], recordKeys: [])
        }
        plan.rejections = []
        try await ImagePublisher.push(for: plan, project: project, sink: sink)
        let output = try await applyThenShift(plan, project: project, started: started, sink: sink)
        await shareWithRemoteCache(output.results, project: project, sink: sink)
        if !deferred.isEmpty {
            let lines = deferred.map { "  \($0.qualifiedName): \($0.reason)" }.joined(separator: "\n")
            throw PipelineFailure(.operationFailed, "\(output.results.count) resource(s) hot-swapped; \(deferred.count) need(s) "
                + "CloudFormation:\n\(lines)\nRun `ferry deploy --env \(project.environment.name)` to deploy them.")
        }
        return output
    }

    /// Applies an already computed plan (no rejections): every operation with bounded
    /// concurrency, then the summary and the hot-swap record.
    /// - Throws: `PipelineFailure` when an operation failed (after the others finished).
    func apply(_ plan: HotswapPlan, project: ResolvedProject, started: Date = Date(), sink: any EventSink) async throws -> Output {
        if plan.operations.isEmpty {
            sink.emit(HotswapSummaryEvent(results: [], unchanged: plan.unchangedResources.count))
            return Output(plan: plan, results: [], recordKeys: [])
        }
        try await GateRunner(processEnvironment: project.processEnvironment).run(
            environment: project.environment, projectRoot: project.projectRoot, sink: sink, skip: options.skipGates)
        let lock = try await takeLock(project: project, sink: sink)
        let applier = HotswapApplier(services: .aws(project.session.client), concurrency: options.concurrency, sink: sink)
        let results = await applier.apply(plan)
        sink.emit(HotswapSummaryEvent(results: results, unchanged: plan.unchangedResources.count))
        let keys = await record(results, project: project, sink: sink)
        await lock?.release(sink: sink)
        await notify(results, project: project, started: started, sink: sink)
        let failed = results.filter { !$0.succeeded }
        if !failed.isEmpty {
            throw PipelineFailure(.operationFailed, "\(failed.count) of \(results.count) hot-swap(s) failed: "
                + failed.map(\.operation.target.qualifiedName).joined(separator: ", ") + " (see above).")
        }
        return Output(plan: plan, results: results, recordKeys: keys)
    }

    /// Takes the environment's deploy lock for the hot-swap's short duration, as deploys do (nil
    /// without an artifact bucket: there is nowhere to keep a lock).
    func takeLock(project: ResolvedProject, sink: any EventSink) async throws -> LockSession? {
        guard let location = project.location, let bucket = location.bucket else { return nil }
        let environment = project.environment
        let lock = EnvironmentLock(s3: project.session.s3, bucket: bucket, prefix: location.prefix,
                                   stackName: environment.stackName, environment: environment.name)
        let owner = if let known = project.identity?.arn { known } else { try await project.session.sts.getCallerIdentity().arn }
        do {
            return try await LockSession.take(lock, owner: owner, environment: environment.name, stackName: environment.stackName,
                                              command: options.command, timeout: options.lockTimeout, sink: sink)
        } catch where S3.isNotFound(error) {
            sink.emit(LockEvent(kind: "lock.skipped", level: .warning,
                                message: "the artifact bucket \(bucket) does not exist: hot-swapping without the deploy lock"))
            return nil
        }
    }

    /// Every difference between the packaged templates (computed in memory, as `ferry plan`
    /// does) and the deployed ones that a hot-swap cannot make — a layer's content, a property,
    /// a resource added or removed — as rejections; nil when no artifact bucket is configured
    /// (then the source templates are compared). `targets` are every hot-swap target of the
    /// selected stacks (not limited by `--only`): the comparison leaves their code to the planner.
    func packagedTemplateRejections(project: ResolvedProject, targets: [HotswapTarget], resolver: PhysicalResolver,
                                    planner: HotswapPlanner) async throws
        -> (rejections: [HotswapRejection], changed: Set<String>)? {
        guard project.location?.bucket != nil else { return nil }
        NoEchoValues.register(project.environment, overrides: [])
        let packagePlan = try project.packagePlan()
        let comparison = try await PlanPhase.templateComparison(project, packagePlan: packagePlan, resolver: resolver, planner: planner,
                                                                hotswapTargets: Set(targets.map(\.qualifiedName)))
        var reasons = comparison.reasons
        if !options.only.isEmpty {
            let wanted = Set(options.only)
            reasons = reasons.filter { reason in
                guard let logicalID = reason.logicalID else { return false }
                return wanted.contains(logicalID) || wanted.contains("\(reason.stackPath)/\(logicalID)")
            }
        }
        let rejections = reasons.map { reason in
            HotswapRejection(stackPath: reason.stackPath, logicalID: LogicalID(reason.logicalID ?? "(template)"),
                             resourceType: reason.kind.rawValue, reason: reason.message)
        }
        return (rejections, comparison.changed)
    }

    /// Refuses when the environment's policy forbids hot-swap.
    static func checkPolicy(_ environment: EnvironmentConfiguration, sink: any EventSink) throws {
        guard !environment.policy.hotswap else { return }
        sink.emit(HotswapRefusedEvent(environment: environment.name))
        throw PipelineFailure(.operationFailed,
            "Hot-swap is not allowed in environment '\(environment.name)' (hotswap = false). "
                + "Run `ferry deploy --env \(environment.name)` to deploy through CloudFormation.")
    }

    /// Tells the environment's webhooks what was hot-swapped; a failure is a warning.
    func notify(_ results: [HotswapResult], project: ResolvedProject, started: Date, sink: any EventSink) async {
        let webhooks = project.environment.operate.notify
        guard !webhooks.isEmpty, !results.isEmpty else { return }
        let caller: String? = if let known = project.identity?.arn { known } else { try? await project.session.sts.getCallerIdentity().arn }
        let who = caller ?? project.processEnvironment["USER"] ?? "unknown"
        let notification = DeployNotification.hotswap(
            results, environment: project.environment.name, stackName: project.environment.stackName,
            region: project.session.settings.region, who: who, started: started)
        await WebhookNotifier(processEnvironment: project.processEnvironment)
            .notify(notification, webhooks: webhooks, sink: sink)
    }

    /// Writes the hot-swap record to the artifact bucket; a failure is a warning, not an error.
    func record(_ results: [HotswapResult], project: ResolvedProject, sink: any EventSink) async -> [String] {
        let time = ISO8601DateFormatter().string(from: Date())
        let caller: String? = if let known = project.identity?.arn { known } else { try? await project.session.sts.getCallerIdentity().arn }
        let who = caller ?? project.processEnvironment["USER"] ?? "unknown"
        let entries = HotswapRecord.entries(from: results, by: who, at: time)
        guard !entries.isEmpty else { return [] }
        guard let location = project.location, let bucket = location.bucket else {
            sink.emit(HotswapRecordEvent(keys: [], bucket: nil, problem: "no artifact bucket is configured"))
            return []
        }
        let store = HotswapRecordStore(s3: project.session.s3, bucket: bucket, prefix: location.prefix)
        do {
            let keys = try await store.record(entries, stackName: project.environment.stackName, at: time)
            sink.emit(HotswapRecordEvent(keys: keys, bucket: bucket, problem: nil))
            return keys
        } catch {
            sink.emit(HotswapRecordEvent(keys: [], bucket: bucket, problem: FailurePresenter.present(error).message))
            return []
        }
    }
}

/// The environment forbids hot-swap.
package struct HotswapRefusedEvent: FerryEvent {
    package let environment: String
    package var kind: String { "hotswap.refused" }
    package var level: EventLevel { .error }
    package var message: String { "hot-swap refused: environment '\(environment)' has hotswap = false" }
    package var details: [String] { ["run `ferry deploy --env \(environment)` instead"] }
}

/// Where the hot-swap record was written, or why it was not.
package struct HotswapRecordEvent: FerryEvent {
    package let keys: [String]
    package let bucket: String?
    package let problem: String?
    package var kind: String { "hotswap.record" }
    package var level: EventLevel { problem == nil ? .info : .warning }
    package var message: String {
        if let problem { return "the hot-swap record was not written: \(problem); `ferry plan` will not see what runs ahead of the template" }
        return "recorded what runs ahead of the template in s3://\(bucket ?? "")/\(keys.last ?? "")"
    }
}
