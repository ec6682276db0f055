import Foundation
import Testing
@testable import Reporting

/// The live region's state and frame: pure values, so what a person sees is asserted line by line.
@Suite struct LiveRegionTests {
    private func state(_ updates: [LiveUpdate], at now: Double = 0) -> LiveRegionState {
        updates.reduce(LiveRegionState()) { $0.applying($1, at: now) }
    }

    @Test func aPhaseShowsItsBarCountsBytesAndTimeAndOneLinePerTaskInFlight() {
        let region = state([
            .total(phase: "package", total: 4),
            .counted(phase: "package", count: 1),
            .taskStarted(phase: "package", id: "a", label: "uploading HelloFunction CodeUri (1.0 KB)"),
            .taskStarted(phase: "package", id: "b", label: "uploading WorldFunction CodeUri (2.0 MB)"),
            .taskFinished(phase: "package", id: "a", bytes: 2048),
        ])
        let lines = LiveFrame.lines(of: region, now: 2.5, width: 120, height: 40)
        #expect(lines == [
            "⠴ package   [██████████░░░░░░░░░░]  2/4  2.0 KB  2.5s",
            "    uploading WorldFunction CodeUri (2.0 MB)  2.5s",
        ])
    }

    @Test func aFinishedPhaseLeavesTheRegion() {
        let region = state([
            .taskStarted(phase: "build", id: "f", label: "building f"),
            .taskFinished(phase: "build", id: "f", bytes: 10),
            .phaseStarted(phase: "deploy", total: nil),
            .phaseFinished(phase: "build"),
        ])
        #expect(region.phases.map(\.name) == ["deploy"])
        #expect(state([.phaseStarted(phase: "build", total: 1), .phaseFinished(phase: "build")]).isEmpty)
        #expect(LiveFrame.lines(of: LiveRegionState(), now: 3) == [])
    }

    @Test func countsNeverGoBackwards() {
        let region = state([
            .progress(phase: "deploy", done: 21, total: 23),
            .progress(phase: "deploy", done: 8, total: 28),
            .stack(phase: "deploy", path: "", name: "app", status: "UPDATE_IN_PROGRESS", done: 5, total: 9),
            .stack(phase: "deploy", path: "", name: "app", status: "", done: 3, total: 4),
        ])
        let deploy = region.phases[0]
        #expect(deploy.done == 21 && deploy.total == 28)
        #expect(deploy.stacks == [LiveRegionState.Stack(path: "", name: "app", status: "UPDATE_IN_PROGRESS", done: 5, total: 9)])
    }

    @Test func nestedStacksAreAnIndentedTreeWithAStatusAndABarEach() {
        let region = state([
            .progress(phase: "deploy", done: 3, total: 12),
            .stack(phase: "deploy", path: "Workers/Queue", name: "Queue", status: "", done: 0, total: 2),
            .stack(phase: "deploy", path: "", name: "my-app", status: "UPDATE_IN_PROGRESS", done: 1, total: 4),
            .stack(phase: "deploy", path: "Api", name: "Api", status: "UPDATE_COMPLETE", done: 4, total: 4),
            .stack(phase: "deploy", path: "Workers", name: "Workers", status: "UPDATE_FAILED", done: 1, total: 2),
            .taskStarted(phase: "deploy", id: "Workers/Fn", label: "Fn UPDATE_IN_PROGRESS AWS::Lambda::Function"),
        ], at: 10)
        let lines = LiveFrame.lines(of: region, now: 12, width: 120, height: 40)
        #expect(lines == [
            "⠋ deploy    [█████░░░░░░░░░░░░░░░]  3/12  2.0s",
            "  ▸ my-app     UPDATE_IN_PROGRESS    [███░░░░░░░░░] 1/4",
            "  ✓   Api      UPDATE_COMPLETE       [████████████] 4/4",
            "  ✗   Workers  UPDATE_FAILED         [██████░░░░░░] 1/2",
            "  ▸     Queue  IN_PROGRESS           [░░░░░░░░░░░░] 0/2",
            "    Fn UPDATE_IN_PROGRESS AWS::Lambda::Function  2.0s",
        ])
    }

    @Test func linesFitTheTerminalsWidthAndHeight() {
        var updates: [LiveUpdate] = [.total(phase: "build", total: 20)]
        for index in 0..<10 {
            updates.append(.taskStarted(phase: "build", id: "\(index)", label: "building Function\(index) with a long builder name"))
        }
        let region = state(updates)
        let narrow = LiveFrame.lines(of: region, now: 1, width: 30, height: 40)
        #expect(narrow.allSatisfy { $0.count <= 29 })
        #expect(narrow[1] == "    building Function0 with …")
        // Six task lines at most, then the rest counted.
        #expect(narrow.count == 8)
        #expect(narrow.last == "    … and 4 more")
        let short = LiveFrame.lines(of: region, now: 1, width: 120, height: 5)
        #expect(short.count == 4)
        #expect(short.last == "    … 5 more line(s)")
    }

    @Test func aTotalUnknownShowsTheCountDoneWithoutABar() {
        let region = state([.taskFinished(phase: "build", id: "a", bytes: 0), .counted(phase: "build", count: 2)])
        #expect(LiveFrame.lines(of: region, now: 61, width: 80, height: 24) == ["⠋ build     3 done  1m01s"])
    }

    @Test func aTaskEndedIsNotCountedAsDone() {
        let region = state([
            .taskStarted(phase: "deploy", id: "changeSet", label: "creating an UPDATE change set"),
            .taskEnded(phase: "deploy", id: "changeSet"),
        ])
        #expect(region.phases[0].tasks.isEmpty && region.phases[0].done == 0)
    }
}
