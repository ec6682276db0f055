import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap
import Packaging
import Reporting
import Templates

/// `ferry plan`: compares the local build with what is deployed, for the root and every nested
/// stack, and decides: up to date, hot-swap, or CloudFormation deploy (with every reason). Reads
/// only: the packaged templates are computed in memory, nothing is uploaded.
package struct PlanPhase: Sendable {
    /// What to plan (the project, with its `--parameter` overrides, comes with `run`).
    package struct Options: Sendable {
        /// The most live reads at once.
        package var concurrency: Int
        /// `--no-hotswap`: a code change needs CloudFormation too.
        package var noHotswap: Bool
        /// `--stack`: the code comparison (and so a hot-swap) covers only these stacks; templates
        /// are still compared for the whole tree.
        package var stacks = StackSelection.everything

        /// Options.
        package init(concurrency: Int = 10, noHotswap: Bool = false) {
            self.concurrency = concurrency
            self.noHotswap = noHotswap
        }
    }

    /// The options.
    package let options: Options

    /// A phase.
    package init(options: Options) { self.options = options }

    /// Resolves `request`, plans and emits the plan (`plan.result`).
    /// - Throws: configuration, template, packaging (no build, no bucket configured) and AWS errors.
    package func run(_ request: ProjectRequest, sink: any EventSink) async throws -> DeploymentPlan {
        var project = try ResolvedProject.resolve(request)
        try await project.resolveForPackaging()
        try project.loadTree()
        try project.readManifest()
        let packagePlan = try project.packagePlan()
        let plan = try await Self.plan(project, packagePlan: packagePlan, options: options)
        sink.emit(DeploymentPlanEvent(plan: plan))
        if let traffic = TrafficShiftPreview.event(plan, environment: project.environment, override: nil) { sink.emit(traffic) }
        return plan
    }

    /// The plan for a resolved project and its package plan, naming the `--stack` selection (a
    /// CloudFormation deploy is still of the whole root stack, and the plan says so). Live state is
    /// read through `context` (a new one when nil), which the caller may keep for a verify.
    static func plan(_ project: ResolvedProject, packagePlan: PackagePlan, options: Options,
                     context: DetectionContext? = nil) async throws -> DeploymentPlan {
        let selected = try options.stacks.resolve(in: project.loadedTree)
        let targets = try project.hotswapTargets(build: packagePlan.manifest.map(LocalBuildState.init(manifest:)), selected: selected)
        var plan = try await decide(project, packagePlan: packagePlan, targets: targets, options: options, context: context)
        plan.selection = selected.stackPaths
        if !plan.selection.isEmpty, case .cloudFormation = plan.decision {
            plan.notes.append("--stack \(plan.selection.joined(separator: ", ")) limits the code comparison, hot-swap and verify; "
                + "a CloudFormation deploy is of the whole root stack \(project.environment.stackName) and every stack nested in it")
        }
        return plan
    }

    /// The decision for a loaded project.
    static func decide(_ project: ResolvedProject, packagePlan: PackagePlan, targets: [HotswapTarget],
                       options: Options, context: DetectionContext? = nil) async throws -> DeploymentPlan {
        let environment = project.environment
        let cloudFormation = project.cloudFormation
        var plan = DeploymentPlan(environment: environment.name, stackName: environment.stackName, decision: .upToDate)
        guard let root = try await cloudFormation.describeStack(environment.stackName) else {
            plan.decision = .cloudFormation(reasons: [PlanReason(
                .stackMissing, stackPath: "Root", message: "stack \(environment.stackName) does not exist: CloudFormation must create it")])
            return plan
        }
        var reasons = stateReasons(root)
        let overrides = try project.parameterOverrides.map(DeployParameters.parseOverride)
        NoEchoValues.register(environment, overrides: project.parameterOverrides)
        let parameters = parameterComparison(configured: environment.parameters, overrides: overrides,
                                             deployed: root.parameters.member,
                                             noEcho: DeployParameters.noEchoNames(in: project.loadedTree.root.template))
        reasons += parameters.reasons
        plan.notes += parameters.notes
        let context = context ?? project.detectionContext(resolver: project.resolver)
        let resolver = context.resolver
        let planner = HotswapPlanner(context: context, concurrency: options.concurrency)
        let templates = try await templateComparison(project, packagePlan: packagePlan, resolver: resolver, planner: planner,
                                                     hotswapTargets: Set(targets.map(\.qualifiedName)))
        reasons += templates.reasons

        var code = await planner.plan(targets: targets)
        let unchanged = unevaluableUnchanged(code.rejections, changed: templates.changed)
        code.rejections.removeAll { unchanged.rejections.contains($0) }
        plan.notes += unchanged.notes
        plan.code = code
        let named = Set(reasons.compactMap { reason in reason.logicalID.map { "\(reason.stackPath)/\($0)" } })
        for rejection in code.rejections where !named.contains(rejection.qualifiedName) {
            reasons.append(PlanReason(.notHotswappable, stackPath: rejection.stackPath, logicalID: rejection.logicalID.rawValue,
                                      message: rejection.reason))
        }
        let record = await aheadOfTemplate(project, store: try project.artifactStore())
        plan.aheadOfTemplate = record.entries
        plan.notes += record.notes

        if !reasons.isEmpty {
            plan.decision = .cloudFormation(reasons: reasons)
        } else if code.operations.isEmpty {
            plan.decision = .upToDate
        } else if !environment.policy.hotswap || options.noHotswap {
            let why = options.noHotswap ? "--no-hotswap was given"
                : "environment '\(environment.name)' does not allow hot-swap (hotswap = false)"
            plan.decision = .cloudFormation(reasons: [PlanReason(
                .hotswapNotAllowed, stackPath: "Root",
                message: "code of \(code.operations.count) resource(s) changed and \(why): CloudFormation deploys it")])
        } else {
            plan.decision = .hotswap(code)
        }
        return plan
    }

    /// A stack that is failed, rolled back or busy goes through CloudFormation (deploy handles it).
    static func stateReasons(_ stack: Stack) -> [PlanReason] {
        let status = stack.stackStatus
        guard status.isInProgress || status.isFailed || status == .rollbackComplete || status == .reviewInProgress else { return [] }
        return [PlanReason(.stackState, stackPath: "Root",
                           message: "stack \(stack.stackName) is \(status.rawValue): the deploy must handle its state")]
    }

    /// Rejections of resources whose content cannot be evaluated locally but whose template did
    /// not change: what runs is what CloudFormation deployed from that same template, so they are
    /// up to date (said as a note), not a reason to deploy.
    static func unevaluableUnchanged(_ rejections: [HotswapRejection], changed: Set<String>)
        -> (rejections: [HotswapRejection], notes: [String]) {
        let kept = rejections.filter { $0.unevaluable != nil && !changed.contains($0.qualifiedName) }
        let notes = kept.map { rejection in
            "\(rejection.qualifiedName) cannot be compared locally (\(rejection.unevaluable.map(String.init(describing:)) ?? "")); "
                + "its template is unchanged, so what CloudFormation deployed stands"
        }
        return (kept, notes)
    }

    /// Each stack's packaged template against its deployed (original) template, bottom-up: the
    /// reasons CloudFormation must deploy, and every resource that differs at all (`Root/Child/Id`).
    static func templateComparison(_ project: ResolvedProject, packagePlan: PackagePlan, resolver: PhysicalResolver,
                                   planner: HotswapPlanner, hotswapTargets: Set<String>) async throws -> (reasons: [PlanReason], changed: Set<String>) {
        let cloudFormation = project.cloudFormation
        var reasons: [PlanReason] = []
        var changed = Set<String>()
        for stack in packagePlan.stacks.reversed() {
            let stackName: String
            do {
                stackName = try await resolver.stackName(for: stack.stackPath)
            } catch let error as HotswapError where error.isNotDeployed {
                continue  // its parent's template adds it: that difference is the reason
            }
            let body: String
            do {
                // A stack whose first change set never ran (REVIEW_IN_PROGRESS) has no template yet.
                guard let text = try await cloudFormation.getTemplate(stackName: stackName, stage: .original).templateBody,
                      !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    reasons.append(PlanReason(.stackState, stackPath: stack.stackPath,
                                              message: "the deployed template of \(stackName) cannot be read"))
                    continue
                }
                body = text
            } catch where CloudFormation.isStackMissing(error) {
                continue
            }
            let values = stack.stackPath == packagePlan.root?.stackPath ? project.values.parameters : [:]
            let deployed = try TemplateLoader.parse(body, file: "deployed template of \(stack.stackPath)", parameterValues: values)
            let packaged = try TemplateLoader.parse(String(decoding: stack.body, as: UTF8.self),
                                                    file: "packaged template of \(stack.stackPath)", parameterValues: values)
            reasons += StackComparison.reasons(stackPath: stack.stackPath, deployed: deployed, packaged: packaged, planner: planner,
                                               hotswapTargets: hotswapTargets)
            for difference in TemplateDiff.resources(from: deployed, to: packaged) {
                changed.insert("\(stack.stackPath)/\(difference.logicalID.rawValue)")
            }
        }
        return (reasons, changed)
    }

    /// The environment's parameters and the overrides against the deployed values: a changed
    /// value is a reason; a `NoEcho` value (`****`) cannot be compared and is a note, unless it
    /// was overridden on the command line. A `NoEcho` value is never shown, even where the service
    /// returns it unmasked (the emulator does).
    static func parameterComparison(configured: [KeyValue], overrides: [KeyValue],
                                    deployed: [Parameter], noEcho: Set<String> = []) -> (reasons: [PlanReason], notes: [String]) {
        let live = Dictionary(deployed.compactMap { p in p.parameterKey.map { ($0, p.parameterValue ?? "") } },
                              uniquingKeysWith: { _, last in last })
        let overridden = Set(overrides.map(\.key))
        var reasons: [PlanReason] = []
        var notes: [String] = []
        for parameter in DeployParameters(configured: configured, overrides: overrides).values {
            guard let value = live[parameter.key] else { continue }  // new parameter: the Parameters section says so
            if value == DeployParameters.mask {
                if overridden.contains(parameter.key) {
                    reasons.append(PlanReason(.parameterChanged, stackPath: "Root",
                                              message: "parameter \(parameter.key) is NoEcho and given on the command line: it cannot be compared, so it is deployed"))
                } else {
                    notes.append("parameter \(parameter.key) is NoEcho: its deployed value cannot be compared (treated as unchanged)")
                }
            } else if value != parameter.value, noEcho.contains(parameter.key) {
                reasons.append(PlanReason(.parameterChanged, stackPath: "Root",
                                          message: "parameter \(parameter.key) (NoEcho) changes; its values are not shown"))
            } else if value != parameter.value {
                reasons.append(PlanReason(.parameterChanged, stackPath: "Root",
                                          message: "parameter \(parameter.key) changes from '\(value)' to '\(parameter.value)'"))
            }
        }
        return (reasons, notes)
    }

    /// What runs ahead of the template, from the hot-swap record.
    static func aheadOfTemplate(_ project: ResolvedProject, store artifacts: ArtifactStore) async
        -> (entries: [HotswapRecord.Entry], notes: [String]) {
        let store = HotswapRecordStore(s3: project.session.s3, bucket: artifacts.bucket, prefix: artifacts.prefix)
        do {
            return (try await store.latest(stackName: project.environment.stackName)?.entries ?? [], [])
        } catch where S3.isNotFound(error) {
            return ([], [])
        } catch {
            return ([], ["the hot-swap record could not be read: \(FailurePresenter.present(error).message)"])
        }
    }
}
