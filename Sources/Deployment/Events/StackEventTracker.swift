import AWSServices
import Foundation

/// The pure part of following a stack operation: takes pages of DescribeStackEvents (from the
/// root and from nested stacks), keeps the new events of this operation once each, in time
/// order, finds nested stacks, counts progress and notices the root's final status.
public struct StackEventTracker: Sendable {
    /// The root stack's ID (ARN).
    public let rootStackID: String
    /// Events at or before this one (by ID) on the root belong to earlier operations.
    public private(set) var operationStart: Date?
    /// Every event of this operation, oldest first.
    public private(set) var events: [StackEvent] = []
    /// The nested stacks found so far (stack IDs), in the order they appeared.
    public private(set) var nestedStackIDs: [String] = []
    /// The root's final status, once it reached one.
    public private(set) var finalStatus: StackStatus?
    /// The resources expected to change (from the change set), for progress.
    public var expectedResourceCount: Int

    private var seen: Set<String> = []
    private var completed: Set<String> = []
    private var touched: Set<String> = []
    private let knownBefore: Set<String>

    /// A tracker for one operation on `rootStackID`.
    ///
    /// - Parameters:
    ///   - earlierEventIDs: IDs of the root's events that existed before the operation started.
    ///   - expectedResourceCount: the change set's resource count (0 when unknown).
    public init(rootStackID: String, earlierEventIDs: Set<String> = [], expectedResourceCount: Int = 0) {
        self.rootStackID = rootStackID
        self.knownBefore = earlierEventIDs
        self.expectedResourceCount = expectedResourceCount
    }

    /// Takes one page of events of any stack (newest first, as AWS sends them) and returns the
    /// events not seen before that belong to this operation, oldest first.
    public mutating func ingest(_ page: [StackEvent]) -> [StackEvent] {
        var fresh: [StackEvent] = []
        for event in page.reversed() where !seen.contains(event.eventId) && !knownBefore.contains(event.eventId) {
            if event.stackId == rootStackID {
                if operationStart == nil, isStackLevel(event), event.resourceStatus?.hasSuffix("_IN_PROGRESS") == true {
                    operationStart = event.timestamp
                }
            }
            // Nested stacks keep their history from earlier operations: only events since the
            // root's operation started count.
            if event.stackId != rootStackID {
                guard let start = operationStart, event.timestamp >= start else { continue }
            }
            seen.insert(event.eventId)
            fresh.append(event)
        }
        fresh.sort { $0.timestamp < $1.timestamp }
        for event in fresh { record(event) }
        events.append(contentsOf: fresh)
        events.sort { $0.timestamp < $1.timestamp }
        return fresh
    }

    private mutating func record(_ event: StackEvent) {
        let status = event.resourceStatus ?? ""
        if isStackLevel(event) {
            if event.stackId == rootStackID, !status.hasSuffix("_IN_PROGRESS") {
                finalStatus = StackStatus(rawValue: status)
            }
            return
        }
        if event.resourceType == "AWS::CloudFormation::Stack", let child = event.physicalResourceId,
           !child.isEmpty, child.hasPrefix("arn:"), !nestedStackIDs.contains(child) {
            nestedStackIDs.append(child)
        }
        let key = "\(event.stackId)|\(event.logicalResourceId ?? "")"
        touched.insert(key)
        if status.hasSuffix("_COMPLETE") { completed.insert(key) }
    }

    /// Whether an event is about the stack itself rather than one of its resources.
    public func isStackLevel(_ event: StackEvent) -> Bool {
        event.physicalResourceId == event.stackId
            || (event.resourceType == "AWS::CloudFormation::Stack" && event.logicalResourceId == event.stackName)
    }

    /// Whether the root stack reached its final status for this operation.
    public var isFinished: Bool { finalStatus != nil }

    /// Resources that reached `*_COMPLETE` and the total expected (at least the ones seen).
    public var progress: (done: Int, total: Int) {
        (completed.count, max(expectedResourceCount, touched.count))
    }

    /// The progress as it was right after `event` (for showing each event with its own count).
    public func progress(through event: StackEvent) -> (done: Int, total: Int) {
        var done: Set<String> = []
        for earlier in events {
            if !isStackLevel(earlier), earlier.resourceStatus?.hasSuffix("_COMPLETE") == true {
                done.insert("\(earlier.stackId)|\(earlier.logicalResourceId ?? "")")
            }
            if earlier.eventId == event.eventId { break }
        }
        return (done.count, progress.total)
    }
}
