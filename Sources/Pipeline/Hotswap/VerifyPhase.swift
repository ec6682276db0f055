import AWSServices
import Configuration
import Foundation
import Hotswap
import Reporting
import Templates

/// `ferry verify`: checks every deployed function, definition and AppSync resource against the
/// local build; reads only.
package struct VerifyPhase: Sendable {
    /// What to verify (the project comes with `run`).
    package struct Options: Sendable {
        /// Checks at once.
        package var concurrency: Int
        /// `--stack`: verify only the targets of these stacks (and the stacks under them).
        package var stacks = StackSelection.everything
        /// `--invoke [names]`: also invoke these functions (every function when empty); nil for none.
        package var invoke: [String]?

        /// Options.
        package init(concurrency: Int = 10) {
            self.concurrency = concurrency
        }
    }

    /// The options.
    package let options: Options

    /// A phase.
    package init(options: Options) { self.options = options }

    /// Resolves `request` and verifies, emitting one event per resource plus a summary. A cause
    /// shared by several resources (a stack that does not exist, one failing read) is emitted once.
    /// - Throws: configuration and template errors, and the error of the first read of the root
    ///   stack when it is not "does not exist" (refused credentials, an unreachable endpoint).
    package func run(_ request: ProjectRequest, sink: any EventSink) async throws -> VerificationReport {
        var project = try ResolvedProject.resolve(request)
        await project.adoptManagedBucket()
        try project.loadTree()
        try project.readManifest()
        _ = try project.localBuild(project.manifest, required: true)
        try await project.resolveArtifacts(required: false)
        try await project.planImages()
        return try await verify(project, sink: sink)
    }

    /// Verifies the build of a resolved project (tree loaded) against what is deployed, read
    /// through `context` (a new one when nil; `ferry up` passes its plan's when nothing was written).
    /// - Throws: as ``run(_:sink:)``.
    func verify(_ project: ResolvedProject, context: DetectionContext? = nil, sink: any EventSink) async throws -> VerificationReport {
        let build = try project.localBuild(project.manifest, required: true)
        let selected = try options.stacks.resolve(in: project.loadedTree)
        let targets = try project.hotswapTargets(build: build, selected: selected)
        // What is not built cannot be verified: said first, it is local and says what to do.
        if targets.isEmpty, let unbuilt = Self.unbuiltCode(project.loadedTree, selected: selected) {
            throw PipelineFailure(.operationFailed, unbuilt)
        }
        let context = context ?? project.detectionContext(resolver: project.resolver)
        let resolver = context.resolver
        do {
            _ = try await resolver.resources(stackPath: project.loadedTree.root.stackPath)
        } catch where CloudFormation.isStackMissing(error) {
            let entries = targets.map { VerificationEntry(target: $0, physicalID: nil, status: .missing) }
            let report = VerificationReport(entries: entries, missingStack: project.environment.stackName)
            sink.emit(VerificationSummaryEvent(report: report))
            return report
        }
        let planner = HotswapPlanner(context: context, concurrency: options.concurrency)
        var report = await Verifier(planner: planner).verify(targets)
        if let names = options.invoke {
            report.failedInvocations = try await InvokeCheck(
                projectRoot: project.projectRoot, targets: targets, events: project.environment.operate.invokeEvents,
                resolver: resolver, lambda: Lambda(client: project.session.client)).run(names: names, sink: sink)
        }
        let causes = report.sharedCauses
        let grouped = Set(causes.flatMap(\.resources))
        for entry in report.entries where !grouped.contains(entry.target.qualifiedName) {
            sink.emit(VerificationEntryEvent(entry: entry))
        }
        for cause in causes { sink.emit(VerificationCauseEvent(reason: cause.reason, resources: cause.resources)) }
        await AliasRoutingEvent.emitShiftsInProgress(resolver: resolver, lambda: Lambda(client: project.session.client),
                                                     selected: selected, sink: sink)
        sink.emit(VerificationSummaryEvent(report: report))
        return report
    }
}

extension VerifyPhase {
    /// Why nothing can be verified although the templates have code (functions without a local
    /// build), or nil when they have none: "all 0 resources run the local build" would be a lie.
    static func unbuiltCode(_ tree: TemplateTree, selected: SelectedStacks) -> String? {
        let functions = tree.allStacks.filter { selected.contains(stackPath: $0.stackPath) }.flatMap { stack in
            stack.template.functions.filter { !$0.hasInlineCode && $0.packageType == .zip }.map { "\(stack.stackPath)/\($0.logicalID)" }
        }
        guard !functions.isEmpty else { return nil }
        let shown = functions.prefix(3).joined(separator: ", ") + (functions.count > 3 ? " and \(functions.count - 3) more" : "")
        return "nothing was verified, yet the template has code: \(functions.count) function(s) (\(shown)) with no local build. "
            + "Run `ferry build` (then `ferry up`) first, so there is a build to compare the deployed code with."
    }
}
