import AWSCore
import AWSServices
import Configuration
import Foundation
import Reporting

/// Deploys a stack with a change set: decide from the stack's state, create the change set,
/// show it, ask for approval, execute, follow the events of every stack, then report outputs or
/// the root cause. Never prints: it emits `FerryEvent`s and returns a `DeployResult`.
package struct Deployer: Sendable {
    /// How often the deployer polls.
    package struct Timing: Sendable, Equatable {
        package var changeSetPoll: Duration
        package var stackPoll: Duration
        package var events: StackEventStream.Timing

        /// Timing; use short intervals against a local emulator.
        package init(changeSetPoll: Duration = .seconds(2), stackPoll: Duration = .seconds(3),
                    events: StackEventStream.Timing = StackEventStream.Timing()) {
            self.changeSetPoll = changeSetPoll
            self.stackPoll = stackPoll
            self.events = events
        }

        /// Short intervals for a local emulator.
        package static let local = Timing(
            changeSetPoll: .milliseconds(200), stackPoll: .milliseconds(300),
            events: StackEventStream.Timing(pollInterval: .milliseconds(300)))
    }

    /// Approves a change set (the CLI asks on a TTY); `false` cancels the deploy.
    package typealias Approval = @Sendable (_ report: ChangeSetReport) async throws -> Bool

    let cloudFormation: CloudFormation
    let sink: any EventSink
    let timing: Timing

    /// A deployer that calls through `cloudFormation` and emits to `sink`.
    package init(cloudFormation: CloudFormation, sink: any EventSink, timing: Timing = Timing()) {
        self.cloudFormation = cloudFormation
        self.sink = sink
        self.timing = timing
    }

    /// Runs one deploy.
    ///
    /// - Throws: `DeploymentError` when the stack needs a person first or the change set cannot
    ///   be created; AWS errors as they come. A failed stack operation is not thrown: it is the
    ///   result's `.failed` outcome (so history can record it).
    package func deploy(_ request: DeployRequest, approve: Approval) async throws -> DeployResult {
        let template = try await TemplateInput.prepare(request, cloudFormation: cloudFormation)
        var parameters = request.parameters
        parameters.noEcho.formUnion(template.noEcho)
        parameters = parameters.restricted(to: template.declaredParameters)
        var result = DeployResult(
            outcome: .upToDate, stackName: request.stackName, stackID: nil, report: nil, outputs: [],
            templateHash: template.hash, templateURL: template.url, maskedParameters: parameters.masked)

        let stack = try await prepareStack(request)
        result.stackID = stack?.stackId
        let type: CreateChangeSetInput.ChangeSetType = StackState(stack: stack).exists ? .update : .create
        let capabilities = CapabilityDetector.merge(configured: request.capabilities, required: template.requiredCapabilities)

        var input = CreateChangeSetInput(
            stackName: request.stackName, changeSetName: "ferry-\(Self.stamp())", template: template.source,
            changeSetType: type, parameters: parameters.forCloudFormation, capabilities: capabilities,
            tags: request.tags.map { Tag(key: $0.key, value: $0.value) })
        input.roleARN = request.roleARN
        input.notificationARNs = request.notificationARNs
        input.includeNestedStacks = true
        input.description = "ferry deploy --env \(request.environmentName)"
        sink.emit(DeployStepEvent("changeSet", "creating \(type == .create ? "a CREATE" : "an UPDATE") change set for stack \(request.stackName)",
                                  details: parameters.masked.isEmpty ? [] : ["parameters: " + parameters.masked.map(\.description).joined(separator: " ")]))

        guard let created = try await createChangeSet(input) else {
            try await protectIfAsked(request, stack: stack)
            sink.emit(DeployStepEvent("upToDate", "stack \(request.stackName) is up to date: no changes", level: .success))
            return result
        }
        result.stackID = created.stackID
        let report = created.report
        result.report = report
        sink.emit(ChangeSetSummaryEvent(stackName: request.stackName, report: report))

        if request.dryRun {
            try await discard(created.changeSetID, createdStack: type == .create ? created.stackID : nil)
            sink.emit(DeployStepEvent("dryRun", "dry run: change set deleted, nothing executed", level: .success))
            result.outcome = .dryRun
            return result
        }
        let approved: Bool
        do {
            approved = try await approve(report)
        } catch {
            try? await discard(created.changeSetID, createdStack: type == .create ? created.stackID : nil)
            throw error
        }
        guard approved else {
            try await discard(created.changeSetID, createdStack: type == .create ? created.stackID : nil)
            sink.emit(DeployStepEvent("declined", "not approved: change set deleted, nothing executed", level: .warning))
            result.outcome = .declined
            return result
        }

        let (tracker, codeDeployCauses) = try await execute(created, request: request, report: report)
        let finalStatus = tracker.finalStatus ?? .unknown("UNKNOWN")
        let described = try? await cloudFormation.describeStack(created.stackID)
        if [.createComplete, .updateComplete, .importComplete].contains(finalStatus) {
            result.outcome = .deployed(finalStatus)
            result.outputs = described?.outputs.member ?? []
            try await protectIfAsked(request, stack: described)
            sink.emit(DeployStepEvent("complete", "stack \(request.stackName) is \(finalStatus.rawValue)", level: .success))
            if !result.outputs.isEmpty { sink.emit(StackOutputsEvent(result.outputs)) }
        } else {
            let cause = RootCause.find(in: tracker.events)
            if let cause { sink.emit(RootCauseEvent(cause)) }
            for codeDeployCause in codeDeployCauses { sink.emit(codeDeployCause) }
            sink.emit(DeployStepEvent("failed", "stack \(request.stackName) is \(finalStatus.rawValue)", level: .error,
                                      details: nextStep(for: finalStatus, request: request)))
            result.outcome = .failed(status: finalStatus, rootCause: cause)
        }
        return result
    }

    /// What to do after a failed operation, by final status.
    private func nextStep(for status: StackStatus, request: DeployRequest) -> [String] {
        switch status {
        case .rollbackComplete:
            return request.rules.recreateFailedCreate
                ? ["fix the template and run ferry deploy --env \(request.environmentName) again: the failed stack is deleted and created again"]
                : ["fix the template, then: aws cloudformation delete-stack --stack-name \(request.stackName) && ferry deploy --env \(request.environmentName)"]
        case .updateRollbackFailed:
            return ["run: ferry deploy --env \(request.environmentName) --continue-rollback"]
        default:
            return ["the stack was rolled back to its previous state; fix the cause and deploy again"]
        }
    }

    /// Executes the change set and follows the events until the root stack's final status, and
    /// the CodeDeploy deployments the update starts (SAM's `DeploymentPreference`) meanwhile.
    private func execute(_ created: CreatedChangeSet, request: DeployRequest,
                         report: ChangeSetReport) async throws -> (StackEventTracker, [CodeDeployRootCauseEvent]) {
        let stream = StackEventStream(cloudFormation: cloudFormation, timing: timing.events)
        let earlier = (try? await stream.existingEventIDs(created.stackID)) ?? []
        let watch = await CodeDeployWatch.prepare(cloudFormation: cloudFormation, stackID: created.stackID,
                                                  stackName: request.stackName, sink: sink)
        let token = "ferry-\(UUID().uuidString.lowercased())"
        try await executeWhenAvailable(created, token: token)
        sink.emit(DeployStepEvent("executing", "executing change set \(created.changeSetName) on stack \(request.stackName)",
                                  details: ["Ctrl-C stops watching; CloudFormation goes on (cancel with ferry deploy --env \(request.environmentName) --cancel)"]))
        let started = ContinuousClock.now
        let expected = Dictionary(report.stacks.map { ($0.path, $0.changes.count) }, uniquingKeysWith: +)
        let tracker = StackEventTracker(rootStackID: created.stackID, earlierEventIDs: earlier,
                                        expectedResourceCount: report.resourceCount, expectedByStackPath: expected)
        let follow: @Sendable () async throws -> StackEventTracker = { [sink] in
            try await stream.follow(tracker) { events, tracker in
                let elapsed = Int((ContinuousClock.now - started).components.seconds)
                for event in events {
                    sink.emit(StackActivityEvent(event, progress: tracker.stackProgress(through: event), elapsedSeconds: elapsed))
                }
            }
        }
        guard let watch else { return (try await follow(), []) }
        let interval = timing.events.pollInterval
        let followed = try await withThrowingTaskGroup(of: StackEventTracker?.self) { group in
            group.addTask { await watch.run(every: interval); return nil }
            group.addTask { try await follow() }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let next { return next }
            }
            return tracker
        }
        await watch.poll()  // the deployments' last state, which may be newer than the last look
        return (followed, watch.rootCauses)
    }

    static func stamp(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "\(formatter.string(from: date))-\(UUID().uuidString.prefix(6).lowercased())"
    }
}
