import Foundation
import Pipeline
import Reporting

/// How the live region on a terminal reads the engines' events: a phase per engine (`build`,
/// `package`, `deploy`, `hot-swap`), a task line per function building, object uploading and
/// resource updating, and the stacks of a deploy as a tree. Finished builds, uploads and stack
/// events leave their line to the phase's summary (`absorbed`); each hot-swap, the change itself,
/// and failures are printed.
struct LiveEventPresenter: LivePresenter {
    func reading(of event: any FerryEvent) -> LiveReading {
        switch event {
        case let event as BuildEvent: reading(of: event)
        case let event as PackageUploadingEvent:
            LiveReading(updates: [.total(phase: "package", total: event.total),
                                  .taskStarted(phase: "package", id: event.key,
                                               label: "uploading \(event.origin) (\(ConciseEventPresenter.bytes(event.size)))")])
        case let event as PackageSkippedEvent: LiveReading(updates: [.counted(phase: "package", count: event.count)])
        case let event as PackageUploadedEvent:
            LiveReading(updates: [.taskFinished(phase: "package", id: event.key, bytes: event.size)], absorbed: true)
        case is PackageSummaryEvent: LiveReading(updates: [.phaseFinished(phase: "package")])
        case let event as DeployStepEvent: reading(of: event)
        case let event as ChangeSetSummaryEvent: reading(of: event)
        case let event as StackActivityEvent: reading(of: event)
        case let event as CodeDeployProgressEvent:
            // A deployment in progress is a task line that follows its steps; its end is printed.
            event.isFinished
                ? LiveReading(updates: [.taskEnded(phase: "deploy", id: "codedeploy/\(event.deploymentID)")])
                : LiveReading(updates: [.taskStarted(phase: "deploy", id: "codedeploy/\(event.deploymentID)", label: event.message)],
                              absorbed: true)
        case let event as HotswapPlanEvent:
            event.dryRun || event.operations.isEmpty ? .none : LiveReading(updates: [.phaseStarted(phase: "hot-swap", total: event.operations.count)]
                + event.operations.map { .taskStarted(phase: "hot-swap", id: $0.resource, label: "swapping \($0.resource) \($0.what)") })
        case let event as HotswapOperationEvent:
            // A swap is the change itself (and `up` has no hot-swap summary line): it is printed.
            LiveReading(updates: [.taskFinished(phase: "hot-swap", id: event.resource, bytes: 0)])
        case is HotswapSummaryEvent: LiveReading(updates: [.phaseFinished(phase: "hot-swap")])
        default: .none
        }
    }

    private func reading(of event: BuildEvent) -> LiveReading {
        let id = event.artifact ?? "?"
        var updates: [LiveUpdate] = []
        if let total = event.total, event.phase != .summary { updates.append(.total(phase: "build", total: total)) }
        switch event.phase {
        case .started:
            let builder = event.builder.map { " (\($0))" } ?? ""
            updates.append(.taskStarted(phase: "build", id: id, label: "building \(id)\(builder)"))
        case .cached, .prebuilt, .finished, .failed:
            updates.append(.taskFinished(phase: "build", id: id, bytes: event.phase == .finished ? event.size ?? 0 : 0))
        case .skipped: break
        case .summary: updates.append(.phaseFinished(phase: "build"))
        }
        return LiveReading(updates: updates, absorbed: event.phase != .summary)
    }

    private func reading(of event: DeployStepEvent) -> LiveReading {
        switch event.kind {
        case "deploy.changeSet":
            LiveReading(updates: [.phaseStarted(phase: "deploy", total: nil),
                                  .taskStarted(phase: "deploy", id: "changeSet", label: event.message)], absorbed: true)
        case "deploy.executing":
            LiveReading(updates: [.taskEnded(phase: "deploy", id: "changeSet")])
        case "deploy.complete", "deploy.failed", "deploy.upToDate", "deploy.dryRun", "deploy.declined":
            LiveReading(updates: [.phaseFinished(phase: "deploy")])
        default: .none
        }
    }

    /// The change set's stacks, each with the number of resources it changes.
    private func reading(of event: ChangeSetSummaryEvent) -> LiveReading {
        let stacks: [LiveUpdate] = event.report.stacks.map { stack in
            let (path, name) = Self.stack(path: stack.path, name: event.stackName)
            return .stack(phase: "deploy", path: path, name: name, status: "", done: 0, total: stack.changes.count)
        }
        return LiveReading(updates: [.taskEnded(phase: "deploy", id: "changeSet"),
                                     .progress(phase: "deploy", done: 0, total: event.report.resourceCount)] + stacks)
    }

    /// The operation's and the stack's progress; a resource in progress is a task line.
    private func reading(of event: StackActivityEvent) -> LiveReading {
        let (path, name) = Self.stack(path: event.stackPath ?? event.stackName, name: event.stackName)
        let stackItself = event.resourceType == "AWS::CloudFormation::Stack" && event.logicalID == event.stackName
        var updates: [LiveUpdate] = [.progress(phase: "deploy", done: event.done, total: event.total)]
        // A stack's place in the tree is known once the tracker knows its path.
        if event.stackPath != nil {
            updates.append(.stack(phase: "deploy", path: path, name: name, status: stackItself ? event.status : "",
                                  done: event.stackDone, total: event.stackTotal))
        }
        if !stackItself {
            let id = "\(path)/\(event.logicalID)"
            if event.status.hasSuffix("_IN_PROGRESS") {
                updates.append(.taskStarted(phase: "deploy", id: id, label: "\(event.logicalID) \(event.status) \(event.resourceType)"))
            } else {
                updates.append(.taskEnded(phase: "deploy", id: id))
            }
        }
        return LiveReading(updates: updates, absorbed: true)
    }

    /// The region's path of a stack (empty for the root) and the name it shows.
    static func stack(path: String, name: String) -> (path: String, name: String) {
        if path == "root" || path.isEmpty { return ("", name) }
        return (path, path.split(separator: "/").last.map(String.init) ?? path)
    }
}
