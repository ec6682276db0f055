import AWSServices
import Foundation
import Reporting

/// A step of a deploy (checking the stack, creating the change set, executing, ...).
public struct DeployStepEvent: FerryEvent {
    public let kind: String
    public let level: EventLevel
    public let message: String
    public let details: [String]

    /// A step; `kind` is `deploy.<step>`.
    public init(_ step: String, _ message: String, level: EventLevel = .info, details: [String] = []) {
        kind = "deploy.\(step)"
        self.level = level
        self.message = message
        self.details = details
    }
}

/// The change set's summary, grouped by stack.
public struct ChangeSetSummaryEvent: FerryEvent {
    public let stackName: String
    public let report: ChangeSetReport
    public var kind: String { "deploy.changes" }
    public var level: EventLevel { report.dataLosingChanges.isEmpty ? .info : .warning }
    public var message: String {
        let lost = report.dataLosingChanges.count
        return "change set for \(stackName): \(report.counts)"
            + (lost > 0 ? " — \(lost) change(s) delete or replace resources that hold data" : "")
    }
    public var details: [String] { report.lines }

    /// The summary of `report`.
    public init(stackName: String, report: ChangeSetReport) {
        self.stackName = stackName
        self.report = report
    }
}

/// One CloudFormation event of the root or a nested stack, with the progress so far.
public struct StackActivityEvent: FerryEvent {
    public let stackName: String
    public let logicalID: String
    public let resourceType: String
    public let status: String
    public let reason: String?
    public let timestamp: Date
    public let done: Int
    public let total: Int
    public let elapsedSeconds: Int
    /// The stack's path from the root (`root`, `Child`, `Child/Grand`), nil when not known yet.
    public private(set) var stackPath: String?
    /// Resources of this event's stack done so far.
    public private(set) var stackDone: Int
    /// Resources of this event's stack the operation changes.
    public private(set) var stackTotal: Int

    public var kind: String { "deploy.event" }
    public var level: EventLevel {
        if status.hasSuffix("_FAILED") { return RootCause.isCascade(reason ?? "") ? .warning : .error }
        if status.contains("ROLLBACK") { return .warning }
        return .info
    }
    public var message: String {
        var text = "[\(done)/\(total) \(elapsedSeconds)s] \(stackName) \(logicalID) \(status) \(resourceType)"
        if let reason, !reason.isEmpty { text += " — \(reason)" }
        return text
    }

    /// The activity line for `event`, with the progress of the operation and of its stack.
    public init(_ event: StackEvent, progress: StackProgress, elapsedSeconds: Int) {
        self.init(event, done: progress.done, total: progress.total, elapsedSeconds: elapsedSeconds)
        self.stackPath = progress.stackPath
        self.stackDone = progress.stackDone
        self.stackTotal = progress.stackTotal
    }

    /// The activity line for `event`.
    public init(_ event: StackEvent, done: Int, total: Int, elapsedSeconds: Int) {
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
public struct RootCauseEvent: FerryEvent {
    public let rootCause: RootCause
    public var kind: String { "deploy.rootCause" }
    public var level: EventLevel { .error }
    public var message: String { "root cause: \(rootCause.logicalID) (\(rootCause.resourceType)) in stack \(rootCause.stackName) — \(rootCause.status)" }
    public var details: [String] { [rootCause.reason] }

    /// The event for `rootCause`.
    public init(_ rootCause: RootCause) { self.rootCause = rootCause }
}

/// The stack's outputs after a successful deploy.
public struct StackOutputsEvent: FerryEvent {
    public let outputs: [String: String]
    private let ordered: [(String, String)]
    public var kind: String { "deploy.outputs" }
    public var level: EventLevel { .info }
    public var message: String { "outputs:" }
    public var details: [String] { ordered.map { "\($0.0) = \($0.1)" } }

    /// The outputs, in the order CloudFormation returned them.
    public init(_ outputs: [StackOutput]) {
        ordered = outputs.map { ($0.outputKey ?? "?", $0.outputValue ?? "") }
        self.outputs = Dictionary(ordered, uniquingKeysWith: { _, last in last })
    }

    enum CodingKeys: String, CodingKey { case outputs }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outputs, forKey: .outputs)
    }
}
