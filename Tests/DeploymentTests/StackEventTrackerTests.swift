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

    /// Pages of nested stacks arrive after the root's newer events: the counts shown with each
    /// event still only grow (the bug was "21/23" then "8/28"), per stack too.
    @Test func progressShownWithEachEventNeverGoesBackwards() throws {
        let scenario = try Recorded.scenario("create-with-nested-success")
        // The root's whole operation first, then the nested stack's older events: the order a
        // slow poll sees them in.
        var late = StackEventTracker(rootStackID: scenario.rootStackID, earlierEventIDs: scenario.earlierEventIDs,
                                     expectedResourceCount: scenario.changes.count)
        var lateEmitted = late.ingest(scenario.stacks[scenario.rootStackID] ?? [])
        for nested in late.nestedStackIDs { lateEmitted += late.ingest(scenario.stacks[nested] ?? []) }
        for (tracker, emitted) in [replay(scenario, expected: scenario.changes.count), (late, lateEmitted)] {
            var last = (done: 0, total: 0)
            var lastByStack: [String: (done: Int, total: Int)] = [:]
            for event in emitted {
                let progress = tracker.progress(through: event)
                #expect(progress.done >= last.done && progress.total >= last.total, "\(last) then \(progress)")
                #expect(progress.done <= progress.total)
                last = progress
                let stack = tracker.stackProgress(through: event)
                let before = lastByStack[event.stackId] ?? (0, 0)
                #expect(stack.stackDone >= before.done && stack.stackTotal >= before.total)
                #expect(stack.stackDone <= stack.stackTotal)
                lastByStack[event.stackId] = (stack.stackDone, stack.stackTotal)
            }
            #expect(last.done == last.total && last.total == 5)
            let nested = try #require(tracker.nestedStackIDs.first)
            #expect(tracker.stackPaths[nested] == "Child")
            #expect(lastByStack[nested]?.done == 2 && lastByStack[nested]?.total == 2, "the child's Queue and Log")
        }
    }

    /// The change set's count per stack is the total from the first event on.
    @Test func totalsComeFromTheChangeSetPerStack() throws {
        let scenario = try Recorded.scenario("create-with-nested-success")
        var tracker = StackEventTracker(rootStackID: scenario.rootStackID, earlierEventIDs: scenario.earlierEventIDs,
                                        expectedResourceCount: 5, expectedByStackPath: ["root": 3, "Child": 2])
        let first = tracker.ingest(scenario.page(scenario.rootStackID, at: try #require(scenario.moments.last)))
        let event = try #require(first.first)
        #expect(tracker.progress(through: event).total == 5)
        #expect(tracker.stackProgress(through: event).stackTotal == 3)
    }
}
