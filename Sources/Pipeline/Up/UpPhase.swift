import AWSCore
import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap
import Packaging
import Reporting

/// `ferry up`: build → package → plan → deploy, hot-swap or nothing → verify, with one summary
/// that times each phase. A code-only change never waits for CloudFormation (where the
/// environment allows hot-swap); a template change always goes through it; nothing to do means
/// no AWS write at all.
package struct UpPhase: Sendable {
    /// What to bring up and how.
    package struct Options: Sendable {
        /// The environment builder processes start with.
        package var processEnvironment: [String: String]
        /// `--no-hotswap`: always deploy through CloudFormation.
        package var noHotswap: Bool
        /// `--skip-build`: reuse the last build (`.ferry/build/manifest.json`).
        package var skipBuild: Bool
        /// `--dry-run`: build, package in memory and plan; change nothing.
        package var dryRun: Bool
        /// The most hot-swaps and live reads at once (`--concurrency`).
        package var concurrency: Int
        /// `--yes`, `--approve` and the terminal, passed to the deploy.
        package var approval: ApprovalInput
        /// Ctrl-C handling during a deploy.
        package var interruption: DeployInterruption?
        /// `--skip-gates`: do not run the environment's `before_deploy` commands (said loudly).
        package var skipGates = false
        /// `--stack`: build, hot-swap and verify only these stacks (and the stacks under them);
        /// templates are still compared for the whole tree and a CloudFormation deploy is of the root.
        package var stacks = StackSelection.everything
        /// `--lock-timeout`: how long to wait while someone else holds the deploy lock (0: stop at once).
        package var lockTimeout: Duration = .zero
        /// `--traffic STRATEGY`: shift aliases with this strategy (overrides `[env.X.traffic] strategy`).
        package var traffic: TrafficStrategy?
        /// The remote build cache from flags and the environment (ferry.toml's `[cache] write` is
        /// applied on top); off unless the command turns it on.
        package var remoteCache = RemoteCacheSettings.off

        /// Options.
        package init(processEnvironment: [String: String] = ProcessInfo.processInfo.environment, noHotswap: Bool = false,
                    skipBuild: Bool = false, dryRun: Bool = false, concurrency: Int = 10,
                    approval: ApprovalInput = ApprovalInput(), interruption: DeployInterruption? = nil) {
            self.processEnvironment = processEnvironment
            self.noHotswap = noHotswap
            self.skipBuild = skipBuild
            self.dryRun = dryRun
            self.concurrency = concurrency
            self.approval = approval
            self.interruption = interruption
        }
    }

    /// The path `up` took.
    package enum Path: String, Sendable, Encodable {
        /// Nothing to do.
        case nothing
        /// Code and definitions were hot-swapped.
        case hotswap
        /// A CloudFormation deploy.
        case cloudFormation
        /// `--dry-run`: planned only.
        case dryRun
    }

    /// What `up` did.
    package struct Output: Sendable {
        /// The plan.
        package let plan: DeploymentPlan
        /// The path taken.
        package let path: Path
        /// The verification after applying (nil for a dry run).
        package let verification: VerificationReport?
        /// Seconds per phase, in order.
        package let timings: [UpSummaryEvent.PhaseTime]

        /// Whether verification did not verify everything: stale, undeployed or uncheckable code,
        /// or no stack at all.
        package var isStale: Bool {
            guard let verification else { return false }
            return !verification.isVerified
        }
    }

    /// The options.
    package let options: Options

    /// A phase.
    package init(options: Options) { self.options = options }

    /// Runs `up`.
    /// - Throws: build, packaging, configuration and AWS errors; `PipelineFailure` when the deploy
    ///   or a hot-swap failed (after the summary was emitted).
    package func run(_ request: ProjectRequest, sink: any EventSink) async throws -> Output {
        var timer = PhaseTimer()
        var project = try ResolvedProject.resolve(request)
        for warning in project.configuration.warnings { sink.emit(ConfigurationWarningEvent(warning)) }
        if !options.skipBuild {
            let environment = project.environment
            var buildOptions = BuildPhase.Options(
                projectRoot: project.configuration.directory, templateFile: environment.templateFile,
                commands: environment.build.commands, concurrency: environment.build.concurrency,
                environment: options.processEnvironment)
            buildOptions.stacks = options.stacks
            buildOptions.imageBases = environment.build.images.bases
            buildOptions.registryAccess = BaseRegistryAccess(transport: request.transport, ecr: ECR(client: project.session.client))
            buildOptions.values = project.values
            if options.remoteCache.reads {
                buildOptions.remoteCache = BucketBuildLookup(environment: environment, session: project.session,
                                                             needsBytes: false, signingKey: options.remoteCache.signingKey,
                                                             sink: sink)
            }
            let built = try await timer.time("build") {
                try await BuildPhase(options: buildOptions).run(tree: try project.loadTree(), sink: sink)
            }
            project.use(manifest: built.manifest)
        }
        let packagePlan = try await timer.time("package") {
            if options.skipBuild {
                try project.loadTree()
                try project.readManifest()
            }
            try await project.resolveForPackaging()
            return try project.packagePlan()
        }
        var planOptions = PlanPhase.Options(concurrency: options.concurrency, noHotswap: options.noHotswap)
        planOptions.stacks = options.stacks
        // Live state is read once: when nothing is written, verify checks what the plan read.
        let live = project.detectionContext(resolver: project.resolver)
        let plan = try await timer.time("plan") {
            try await PlanPhase.plan(project, packagePlan: packagePlan, options: planOptions, context: live)
        }
        sink.emit(DeploymentPlanEvent(plan: plan))
        if let traffic = TrafficShiftPreview.event(plan, environment: project.environment, override: options.traffic) { sink.emit(traffic) }
        if options.dryRun {
            sink.emit(UpSummaryEvent(path: .dryRun, plan: plan, timings: timer.timings, verification: nil))
            return Output(plan: plan, path: .dryRun, verification: nil, timings: timer.timings)
        }
        let path: Path
        do {
            path = try await apply(plan, project: project, packagePlan: packagePlan, timer: &timer, sink: sink)
        } catch {
            sink.emit(UpSummaryEvent(path: Self.path(of: plan), plan: plan, timings: timer.timings, verification: nil,
                                     failedPhase: error is GateFailure ? "before_deploy gates" : timer.current ?? "deploy"))
            throw error
        }
        var verifyOptions = VerifyPhase.Options(concurrency: options.concurrency)
        verifyOptions.stacks = options.stacks
        let verification: VerificationReport
        do {
            verification = try await timer.time("verify") {
                try await VerifyPhase(options: verifyOptions).verify(project, context: path == .nothing ? live : nil, sink: sink)
            }
        } catch {
            sink.emit(UpSummaryEvent(path: path, plan: plan, timings: timer.timings, verification: nil, failedPhase: "verify"))
            throw error
        }
        sink.emit(UpSummaryEvent(path: path, plan: plan, timings: timer.timings, verification: verification))
        return Output(plan: plan, path: path, verification: verification, timings: timer.timings)
    }

    /// The path a plan leads to.
    static func path(of plan: DeploymentPlan) -> Path {
        switch plan.decision {
        case .upToDate: .nothing
        case .hotswap: .hotswap
        case .cloudFormation: .cloudFormation
        }
    }

    /// Uploads (when something changes) and applies the plan.
    func apply(_ plan: DeploymentPlan, project: ResolvedProject, packagePlan: PackagePlan, timer: inout PhaseTimer,
               sink: any EventSink) async throws -> Path {
        let environment = project.environment
        switch plan.decision {
        case .upToDate:
            return .nothing
        case .hotswap(let hotswapPlan):
            try await approveHotswap(hotswapPlan, environment: environment)
            _ = try await timer.time("package") { try await upload(packagePlan, project: project, createBucket: true, sink: sink) }
            var hotswapOptions = HotswapPhase.Options(concurrency: options.concurrency)
            hotswapOptions.skipGates = options.skipGates
            hotswapOptions.stacks = options.stacks
            hotswapOptions.lockTimeout = options.lockTimeout
            hotswapOptions.command = "ferry up"
            let phase = HotswapPhase(options: hotswapOptions)
            let traffic = try await TrafficShiftSession.prepare(options, project: project, sink: sink)
            _ = try await timer.time("hotswap") { try await phase.apply(hotswapPlan, project: project, sink: sink) }
            if let traffic {
                // The shift holds the deploy lock, as a deploy's does (the hot-swap released its own).
                let lock = try await phase.takeLock(project: project, sink: sink)
                try await timer.time("traffic") {
                    try await traffic.shift(interruption: options.interruption, approval: options.approval, sink: sink, lock: lock)
                }
            }
            return .hotswap
        case .cloudFormation:
            // Development environments get their artifact bucket on first use; production must have one.
            // A managed bucket (samconfig resolve_s3) is always created on first use.
            let createBucket = (environment.policy.hotswap && environment.policy.approval != .required)
                || environment.artifacts.isManaged
            let packaged = try await timer.time("package") {
                try await upload(packagePlan, project: project, createBucket: createBucket, sink: sink)
            }
            var request = DeployWorkflowRequest(
                templatePath: packaged.packagedTemplate, approval: options.approval, interruption: options.interruption)
            request.skipGates = options.skipGates
            request.lockTimeout = options.lockTimeout
            request.traffic = options.traffic
            _ = try await timer.time("deploy") {
                try await DeployWorkflow(sink: sink).run(request, project: project)
            }
            return .cloudFormation
        }
    }

    /// Uploads what `packagePlan` names and is missing, and writes `.ferry/package/` (nothing is planned again).
    func upload(_ packagePlan: PackagePlan, project: ResolvedProject, createBucket: Bool,
                sink: any EventSink) async throws -> PackagePhase.Output {
        var packageOptions = PackagePhase.Options(
            projectRoot: project.configuration.directory, templateFile: project.environment.templateFile,
            store: try project.artifactStore(), kmsKeyID: project.location?.kmsKeyID, createBucket: createBucket)
        packageOptions.values = project.values
        packageOptions.reportNotes = options.skipBuild
        packageOptions.noncurrentVersionDays = project.environment.artifacts.noncurrentVersionDays
        packageOptions.interruption = options.interruption
        packageOptions.remoteCache = options.remoteCache
        packageOptions.remoteCache.writes = options.remoteCache.writes && project.environment.build.cacheWrite != false
        packageOptions.imageURIs = ImagePublisher.imageURIs(project.imagePushes)
        try await ImagePublisher.push(project.imagePushes, ecr: ECR(client: project.session.client),
                                      projectRoot: project.configuration.directory, sink: sink)
        return try await PackagePhase(options: packageOptions)
            .upload(packagePlan, notes: project.loadedTree.notes, s3: project.session.s3, sink: sink)
    }
}

/// Seconds per phase; a phase timed twice (package: plan, then upload) adds up.
struct PhaseTimer {
    private(set) var timings: [UpSummaryEvent.PhaseTime] = []
    /// The phase last started (the one that failed, when `body` threw).
    private(set) var current: String?

    /// Runs `body` and adds its duration to `phase`.
    mutating func time<T>(_ phase: String, _ body: () async throws -> T) async throws -> T {
        current = phase
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if let index = timings.firstIndex(where: { $0.phase == phase }) {
                timings[index].seconds += seconds
            } else {
                timings.append(UpSummaryEvent.PhaseTime(phase: phase, seconds: seconds))
            }
        }
        return try await body()
    }
}
