import AWSServices
import Foundation

/// The pure part of following a stack operation: takes pages of DescribeStackEvents (from the
/// root and from nested stacks), keeps the new events of this operation once each, in time
/// order, finds nested stacks, counts progress and notices the root's final status.
package struct StackEventTracker: Sendable {
    /// The root stack's ID (ARN).
    package let rootStackID: String
    /// Events at or before this one (by ID) on the root belong to earlier operations.
    package private(set) var operationStart: Date?
    /// Every event of this operation, oldest first.
    package private(set) var events: [StackEvent] = []
    /// The nested stacks found so far (stack IDs), in the order they appeared.
    package private(set) var nestedStackIDs: [String] = []
    /// The root's final status, once it reached one.
    package private(set) var finalStatus: StackStatus?
    /// The resources expected to change (from the change set), for progress.
    package var expectedResourceCount: Int
    /// The resources expected to change per stack path (`root`, `Child`, `Child/Grand`), from
    /// the change set and its nested change sets; a stack missing here counts what it touches.
    package var expectedByStackPath: [String: Int]
    /// The path of each stack seen (`root` for the root, the logical IDs from the root for a
    /// nested stack: `Child/Grand`), by stack ID.
    package private(set) var stackPaths: [String: String]

    private var seen: Set<String> = []
    private var completed: Set<String> = []
    private var touched: Set<String> = []
    private var touchedByStack: [String: Set<String>] = [:]
    private var completedByStack: [String: Set<String>] = [:]
    private var snapshots: [String: StackProgress] = [:]
    private let knownBefore: Set<String>

    /// A tracker for one operation on `rootStackID`.
    ///
    /// - Parameters:
    ///   - earlierEventIDs: IDs of the root's events that existed before the operation started.
    ///   - expectedResourceCount: the change set's resource count (0 when unknown).
    ///   - expectedByStackPath: the change set's resource count per stack path (`root`, `Child`).
    package init(rootStackID: String, earlierEventIDs: Set<String> = [], expectedResourceCount: Int = 0,
                expectedByStackPath: [String: Int] = [:]) {
        self.rootStackID = rootStackID
        self.knownBefore = earlierEventIDs
        self.expectedResourceCount = expectedResourceCount
        self.expectedByStackPath = expectedByStackPath
        self.stackPaths = [rootStackID: "root"]
    }

    /// Takes one page of events of any stack (newest first, as AWS sends them) and returns the
    /// events not seen before that belong to this operation, oldest first.
    package mutating func ingest(_ page: [StackEvent]) -> [StackEvent] {
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
        defer { snapshots[event.eventId] = snapshot(stackID: event.stackId) }
        let status = event.resourceStatus ?? ""
        if isStackLevel(event) {
            if event.stackId == rootStackID, !status.hasSuffix("_IN_PROGRESS") {
                finalStatus = StackStatus(rawValue: status)
            }
            return
        }
        if event.resourceType == "AWS::CloudFormation::Stack", let child = event.physicalResourceId,
           !child.isEmpty, child.hasPrefix("arn:") {
            if !nestedStackIDs.contains(child) { nestedStackIDs.append(child) }
            if stackPaths[child] == nil, let parent = stackPaths[event.stackId] {
                let logical = event.logicalResourceId ?? "?"
                stackPaths[child] = parent == "root" ? logical : "\(parent)/\(logical)"
            }
        }
        let key = "\(event.stackId)|\(event.logicalResourceId ?? "")"
        touched.insert(key)
        touchedByStack[event.stackId, default: []].insert(key)
        if status.hasSuffix("_COMPLETE") {
            completed.insert(key)
            completedByStack[event.stackId, default: []].insert(key)
        }
    }

    /// The progress of the operation and of `stackID` as it is now.
    private func snapshot(stackID: String) -> StackProgress {
        StackProgress(done: completed.count, total: progress.total, stackPath: stackPaths[stackID],
                      stackDone: completedByStack[stackID]?.count ?? 0, stackTotal: stackTotal(stackID))
    }

    /// The resources `stackID` changes: the change set's count, at least the ones seen.
    private func stackTotal(_ stackID: String) -> Int {
        let expected = stackPaths[stackID].flatMap { expectedByStackPath[$0] } ?? 0
        return max(expected, touchedByStack[stackID]?.count ?? 0)
    }

    /// Whether an event is about the stack itself rather than one of its resources.
    package func isStackLevel(_ event: StackEvent) -> Bool {
        event.physicalResourceId == event.stackId
            || (event.resourceType == "AWS::CloudFormation::Stack" && event.logicalResourceId == event.stackName)
    }

    /// Whether the root stack reached its final status for this operation.
    package var isFinished: Bool { finalStatus != nil }

    /// Resources that reached `*_COMPLETE` and the total expected (at least the ones seen).
    ///
    /// The total is the change set's count per stack, or what a stack touched when its change
    /// set is unknown (a nested stack without a nested change set), so it only grows.
    package var progress: (done: Int, total: Int) {
        var stackTotals = 0
        var counted: Set<String> = []
        for (stackID, path) in stackPaths {
            stackTotals += stackTotal(stackID)
            counted.insert(path)
        }
        stackTotals += expectedByStackPath.filter { !counted.contains($0.key) }.values.reduce(0, +)
        return (completed.count, max(expectedResourceCount, touched.count, stackTotals))
    }

    /// The progress as it was when `event` was taken in: the counts only ever grow from one
    /// event to the next, whatever order the stacks' pages arrive in.
    package func progress(through event: StackEvent) -> (done: Int, total: Int) {
        guard let snapshot = snapshots[event.eventId] else { return progress }
        return (snapshot.done, snapshot.total)
    }

    /// The progress of the operation and of the event's own stack when `event` was taken in.
    package func stackProgress(through event: StackEvent) -> StackProgress {
        snapshots[event.eventId] ?? snapshot(stackID: event.stackId)
    }
}

/// Progress counts at one event: of the whole operation and of the event's stack.
package struct StackProgress: Sendable, Equatable {
    /// Resources of every stack that reached `*_COMPLETE`.
    package var done: Int
    /// Resources of every stack the operation changes (never less than before).
    package var total: Int
    /// The stack's path (`root`, `Child`, `Child/Grand`), nil when not known yet.
    package var stackPath: String?
    /// Resources of the stack that reached `*_COMPLETE`.
    package var stackDone: Int
    /// Resources of the stack the operation changes.
    package var stackTotal: Int

    /// Counts.
    package init(done: Int, total: Int, stackPath: String?, stackDone: Int, stackTotal: Int) {
        self.done = done
        self.total = total
        self.stackPath = stackPath
        self.stackDone = stackDone
        self.stackTotal = stackTotal
    }
}
