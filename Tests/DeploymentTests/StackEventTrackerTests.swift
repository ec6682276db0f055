import AWSServices
import Deployment
import Foundation
import Testing

/// Replays recorded operations the way `StackEventStream` polls: at each moment, the root's
/// page, then the page of every nested stack found so far.
private func replay(_ scenario: Recorded.Scenario, expected: Int = 0) -> (tracker: StackEventTracker, emitted: [StackEvent]) {
    var tracker = StackEventTracker(
        rootStackID: scenario.rootStackID, earlierEventIDs: scenario.earlierEventIDs, expectedResourceCount: expected)
    var emitted: [StackEvent] = []
    for moment in scenario.moments {
        emitted += tracker.ingest(scenario.page(scenario.rootStackID, at: moment))
        for nested in tracker.nestedStackIDs {
            emitted += tracker.ingest(scenario.page(nested, at: moment))
        }
        if tracker.isFinished { break }
    }
    // The final sweep of nested stacks.
    if let last = scenario.moments.last {
        for nested in tracker.nestedStackIDs { emitted += tracker.ingest(scenario.page(nested, at: last)) }
    }
    return (tracker, emitted)
}

@Suite struct StackEventTrackerTests {
    @Test func createWithNestedStackFollowsBothStacksToCompletion() throws {
        let scenario = try Recorded.scenario("create-with-nested-success")
        let (tracker, emitted) = replay(scenario, expected: scenario.changes.count)
        #expect(tracker.finalStatus == .createComplete)
        #expect(tracker.nestedStackIDs.count == 1)
        let nested = try #require(tracker.nestedStackIDs.first)
        #expect(emitted.contains { $0.stackId == nested && $0.logicalResourceId == "Queue" && $0.resourceStatus == "CREATE_COMPLETE" })
        #expect(Set(emitted.map(\.eventId)).count == emitted.count, "every event once")
        #expect(!emitted.contains { $0.resourceStatus == "REVIEW_IN_PROGRESS" }, "the earlier operation's events are not shown")
        let progress = tracker.progress
        #expect(progress.done == progress.total)
        #expect(progress.total == 5)  // Bucket, Child, Table + the child's Queue and Log
    }

    @Test func eventsComeOutOldestFirstAcrossStacks() throws {
        let scenario = try Recorded.scenario("create-with-nested-success")
        let (tracker, _) = replay(scenario)
        let times = tracker.events.map(\.timestamp)
        #expect(times == times.sorted())
        #expect(tracker.events.first?.resourceStatus == "CREATE_IN_PROGRESS")
        #expect(tracker.events.last?.logicalResourceId == "app" || tracker.events.last?.stackId != scenario.rootStackID)
    }

    @Test func aFailedCreateEndsInRollbackComplete() throws {
        let scenario = try Recorded.scenario("create-failure-cascade")
        let (tracker, _) = replay(scenario)
        #expect(tracker.finalStatus == .rollbackComplete)
        #expect(tracker.nestedStackIDs.isEmpty)
    }

    @Test func aFailedUpdateIgnoresTheStacksEarlierCreate() throws {
        let scenario = try Recorded.scenario("update-rollback")
        let (tracker, emitted) = replay(scenario)
        #expect(tracker.finalStatus == .updateRollbackComplete)
        #expect(!emitted.contains { $0.resourceStatus == "CREATE_COMPLETE" && $0.logicalResourceId == "app" })
        #expect(emitted.first?.resourceStatus == "UPDATE_IN_PROGRESS")
    }

    @Test func intermediateRootStatusesAreNotFinal() throws {
        let scenario = try Recorded.scenario("update-rollback")
        var tracker = StackEventTracker(rootStackID: scenario.rootStackID, earlierEventIDs: scenario.earlierEventIDs)
        let cleanup = try #require(scenario.allEvents.first { $0.resourceStatus == "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS" })
        _ = tracker.ingest(scenario.page(scenario.rootStackID, at: cleanup.timestamp))
        #expect(!tracker.isFinished)
    }

    @Test func repeatedPagesAddNothing() throws {
        let scenario = try Recorded.scenario("create-failure-cascade")
        var tracker = StackEventTracker(rootStackID: scenario.rootStackID, earlierEventIDs: scenario.earlierEventIDs)
        let page = try #require(scenario.stacks[scenario.rootStackID])
        let first = tracker.ingest(page)
        #expect(!first.isEmpty)
        #expect(tracker.ingest(page).isEmpty)
    }

    @Test func nestedEventsBeforeTheRootStartedAreIgnored() throws {
        let scenario = try Recorded.scenario("create-with-nested-success")
        let nestedID = try #require(scenario.stacks.keys.first { $0 != scenario.rootStackID })
        var tracker = StackEventTracker(rootStackID: scenario.rootStackID, earlierEventIDs: scenario.earlierEventIDs)
        // The nested stack's page before the root's own IN_PROGRESS event was seen: nothing counts yet.
        #expect(tracker.ingest(scenario.stacks[nestedID] ?? []).isEmpty)
        _ = tracker.ingest(scenario.stacks[scenario.rootStackID] ?? [])
        #expect(!tracker.ingest(scenario.stacks[nestedID] ?? []).isEmpty)
    }
}
