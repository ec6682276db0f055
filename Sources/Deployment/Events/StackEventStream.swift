import AWSCore
import AWSServices
import Foundation

/// Follows one stack operation by polling DescribeStackEvents of the root and of every nested
/// stack found in its events, until the root reaches its final status.
package struct StackEventStream: Sendable {
    /// How often to poll, and the longest wait after throttling.
    package struct Timing: Sendable, Equatable {
        package var pollInterval: Duration
        package var maximumBackoff: Duration

        /// Timing; AWS's own tools poll every few seconds.
        package init(pollInterval: Duration = .seconds(2), maximumBackoff: Duration = .seconds(20)) {
            self.pollInterval = pollInterval
            self.maximumBackoff = maximumBackoff
        }
    }

    private let cloudFormation: CloudFormation
    private let timing: Timing

    /// A stream that calls through `cloudFormation`.
    package init(cloudFormation: CloudFormation, timing: Timing = Timing()) {
        self.cloudFormation = cloudFormation
        self.timing = timing
    }

    /// The IDs of a stack's existing events: those that belong to earlier operations.
    package func existingEventIDs(_ stack: String) async throws -> Set<String> {
        // The newest page is enough: an operation's events are always newer than these.
        let events = try await cloudFormation.describeStackEvents(stack) { _ in true }
        return Set(events.map(\.eventId))
    }

    /// Polls until the root's operation ends; `onEvents` receives each batch of new events
    /// (oldest first) with the tracker's state. Returns the tracker with every event.
    package func follow(
        _ initial: StackEventTracker, onEvents: (_ events: [StackEvent], _ tracker: StackEventTracker) -> Void
    ) async throws -> StackEventTracker {
        var tracker = initial
        var delay = timing.pollInterval
        while true {
            do {
                try await poll(&tracker, onEvents: onEvents)
                delay = timing.pollInterval
            } catch let error as AWSError where error.isThrottling {
                delay = min(delay * 2, timing.maximumBackoff)
            }
            if tracker.isFinished {
                // One more sweep of the nested stacks: their last events may be newer than our
                // last look (a nested stack deleted by a rollback is still readable by ARN).
                try? await poll(&tracker, onEvents: onEvents, rootToo: false)
                return tracker
            }
            try await Task.sleep(for: delay)
        }
    }

    private func poll(
        _ tracker: inout StackEventTracker, onEvents: (_ events: [StackEvent], _ tracker: StackEventTracker) -> Void,
        rootToo: Bool = true
    ) async throws {
        if rootToo {
            let root = try await page(tracker.rootStackID, since: tracker.operationStart)
            let fresh = tracker.ingest(root)
            if !fresh.isEmpty { onEvents(fresh, tracker) }
        }
        var index = 0
        while index < tracker.nestedStackIDs.count {
            let id = tracker.nestedStackIDs[index]
            index += 1
            guard let events = try? await page(id, since: tracker.operationStart) else { continue }
            let fresh = tracker.ingest(events)
            if !fresh.isEmpty { onEvents(fresh, tracker) }
        }
    }

    /// Events of `stack` newest first, reading older pages only while they are newer than `since`.
    private func page(_ stack: String, since: Date?) async throws -> [StackEvent] {
        try await cloudFormation.describeStackEvents(stack) { event in
            guard let since else { return true }  // before the operation is seen, one page is enough
            return event.timestamp < since
        }
    }
}
