import AWSServices
import Foundation
import Reporting

/// A step of a deploy (checking the stack, creating the change set, executing, ...).
package struct DeployStepEvent: FerryEvent {
    package let kind: String
    package let level: EventLevel
    package let message: String
    package let details: [String]

    /// A step; `kind` is `deploy.<step>`.
    package init(_ step: String, _ message: String, level: EventLevel = .info, details: [String] = []) {
        kind = "deploy.\(step)"
        self.level = level
        self.message = message
        self.details = details
    }
}

/// The change set's summary, grouped by stack.
package struct ChangeSetSummaryEvent: FerryEvent {
    package let stackName: String
    package let report: ChangeSetReport
    package var kind: String { "deploy.changes" }
    package var level: EventLevel { report.dataLosingChanges.isEmpty ? .info : .warning }
    package var message: String {
        let lost = report.dataLosingChanges.count
        return "change set for \(stackName): \(report.counts)"
            + (lost > 0 ? " — \(lost) change(s) delete or replace resources that hold data" : "")
    }
    package var details: [String] { report.lines }

    /// The summary of `report`.
    package init(stackName: String, report: ChangeSetReport) {
        self.stackName = stackName
        self.report = report
    }
}

/// One CloudFormation event of the root or a nested stack, with the progress so far.
package struct StackActivityEvent: FerryEvent {
    package let stackName: String
    package let logicalID: String
    package let resourceType: String
    package let status: String
    package let reason: String?
    package let timestamp: Date
    package let done: Int
    package let total: Int
    package let elapsedSeconds: Int
    /// The stack's path from the root (`root`, `Child`, `Child/Grand`), nil when not known yet.
    package private(set) var stackPath: String?
    /// Resources of this event's stack done so far.
    package private(set) var stackDone: Int
    /// Resources of this event's stack the operation changes.
    package private(set) var stackTotal: Int

    package var kind: String { "deploy.event" }
    package var level: EventLevel {
        if status.hasSuffix("_FAILED") { return RootCause.isCascade(reason ?? "") ? .warning : .error }
        if status.contains("ROLLBACK") { return .warning }
        return .info
    }
    package var message: String {
        var text = "[\(done)/\(total) \(elapsedSeconds)s] \(stackName) \(logicalID) \(status) \(resourceType)"
        if let reason, !reason.isEmpty { text += " — \(reason)" }
        return text
    }

    /// The activity line for `event`, with the progress of the operation and of its stack.
    package init(_ event: StackEvent, progress: StackProgress, elapsedSeconds: Int) {
        self.init(event, done: progress.done, total: progress.total, elapsedSeconds: elapsedSeconds)
        self.stackPath = progress.stackPath
        self.stackDone = progress.stackDone
        self.stackTotal = progress.stackTotal
    }

    /// The activity line for `event`.
    package init(_ event: StackEvent, done: Int, total: Int, elapsedSeconds: Int) {
        stackName = event.stackName
        logicalID = event.logicalResourceId ?? "?"
        resourceType = event.resourceType ?? "?"
        status = event.resourceStatus ?? "?"
        reason = event.resourceStatusReason
        timestamp = event.timestamp
        self.done = done
        self.total = total
        self.elapsedSeconds = elapsedSeconds
        stackPath = nil
        stackDone = 0
        stackTotal = 0
    }
}

/// The failure's root cause, shown before the final status.
package struct RootCauseEvent: FerryEvent {
    package let rootCause: RootCause
    package var kind: String { "deploy.rootCause" }
    package var level: EventLevel { .error }
    package var message: String { "root cause: \(rootCause.logicalID) (\(rootCause.resourceType)) in stack \(rootCause.stackName) — \(rootCause.status)" }
    package var details: [String] { [rootCause.reason] }

    /// The event for `rootCause`.
    package init(_ rootCause: RootCause) { self.rootCause = rootCause }
}

/// The stack's outputs after a successful deploy.
package struct StackOutputsEvent: FerryEvent {
    package let outputs: [String: String]
    private let ordered: [(String, String)]
    package var kind: String { "deploy.outputs" }
    package var level: EventLevel { .info }
    package var message: String { "outputs:" }
    package var details: [String] { ordered.map { "\($0.0) = \($0.1)" } }

    /// The outputs, in the order CloudFormation returned them.
    package init(_ outputs: [StackOutput]) {
        ordered = outputs.map { ($0.outputKey ?? "?", $0.outputValue ?? "") }
        self.outputs = Dictionary(ordered, uniquingKeysWith: { _, last in last })
    }

    enum CodingKeys: String, CodingKey { case outputs }
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outputs, forKey: .outputs)
    }
}
