// The live region's reading of the engines' events: from events to the lines a person sees.
import AWSServices
import Builds
import Deployment
import Foundation
import Hotswap
import Packaging
import Reporting
import Testing
@testable import FerryCLI

@Suite("live region reading of engine events")
struct LiveEventPresenterTests {
    private let presenter = LiveEventPresenter()

    private func region(_ events: [any FerryEvent]) -> LiveRegionState {
        events.flatMap { presenter.reading(of: $0).updates }.reduce(LiveRegionState()) { $0.applying($1, at: 0) }
    }

    @Test func buildsInFlightAndDoneMakeTheBuildBar() {
        var started = BuildEvent(.started)
        started.artifact = "Root/FnA"
        started.builder = "python-pip"
        started.total = 3
        var cached = BuildEvent(.cached)
        cached.artifact = "Root/FnB"
        cached.position = 1
        cached.total = 3
        let state = region([started, cached])
        #expect(LiveFrame.lines(of: state, now: 1.2, width: 100, height: 30) == [
            "⠹ build     [██████░░░░░░░░░░░░░░]  1/3  1.2s",
            "    building Root/FnA (python-pip)  1.2s",
        ])
        // Finished builds are said by the summary, which ends the phase.
        #expect(presenter.reading(of: cached).absorbed)
        var summary = BuildEvent(.summary)
        summary.total = 3
        #expect(!presenter.reading(of: summary).absorbed)
        #expect(region([started, cached, summary]).isEmpty)
    }

    @Test func uploadsCountWhatWasAlreadyThereAndTheirBytes() {
        let state = region([
            PackageSkippedEvent(count: 2, location: "s3://b/p/"),
            PackageUploadingEvent(key: "k1", size: 2048, origin: "Root/FnA CodeUri", total: 4),
            PackageUploadingEvent(key: "k2", size: 100, origin: "Root/FnB CodeUri", total: 4),
            PackageUploadedEvent(key: "k1", size: 2048, origin: "Root/FnA CodeUri"),
        ])
        #expect(LiveFrame.lines(of: state, now: 0.5, width: 100, height: 30) == [
            "⠴ package   [███████████████░░░░░]  3/4  2.0 KB  0.5s",
            "    uploading Root/FnB CodeUri (100 B)  0.5s",
        ])
        #expect(presenter.reading(of: PackageUploadedEvent(key: "k1", size: 1, origin: "o")).absorbed)
    }

    @Test func stackEventsMakeTheTreeAndFailuresArePrinted() throws {
        func event(_ stack: String, _ path: String, _ logicalID: String, _ status: String, type: String = "AWS::Lambda::Function",
                   done: Int, stackDone: Int, stackTotal: Int) throws -> StackActivityEvent {
            let object: [String: Any] = [
                "stackId": "arn:aws:cloudformation:eu-central-1:1:stack/\(stack)/1", "eventId": UUID().uuidString,
                "stackName": stack, "logicalResourceId": logicalID, "resourceType": type, "resourceStatus": status, "timestamp": 0,
            ]
            let stackEvent = try JSONDecoder().decode(StackEvent.self, from: JSONSerialization.data(withJSONObject: object))
            return StackActivityEvent(stackEvent, progress: StackProgress(done: done, total: 6, stackPath: path, stackDone: stackDone,
                                                                          stackTotal: stackTotal), elapsedSeconds: 2)
        }
        let events = [
            try event("app", "root", "app", "UPDATE_IN_PROGRESS", type: "AWS::CloudFormation::Stack", done: 0, stackDone: 0, stackTotal: 4),
            try event("app", "root", "Fn", "UPDATE_IN_PROGRESS", done: 0, stackDone: 0, stackTotal: 4),
            try event("app-Child-X", "Child", "Queue", "UPDATE_COMPLETE", type: "AWS::SQS::Queue", done: 1, stackDone: 1, stackTotal: 2),
        ]
        let lines = LiveFrame.lines(of: region(events), now: 3, width: 100, height: 30)
        #expect(lines == [
            "⠋ deploy    [███░░░░░░░░░░░░░░░░░]  1/6  3.0s",
            "  ▸ app      UPDATE_IN_PROGRESS    [░░░░░░░░░░░░] 0/4",
            "  ▸   Child  IN_PROGRESS           [██████░░░░░░] 1/2",
            "    Fn UPDATE_IN_PROGRESS AWS::Lambda::Function  3.0s",
        ])
        #expect(presenter.reading(of: events[2]).absorbed)
        let failed = try event("app", "root", "Fn", "UPDATE_FAILED", done: 1, stackDone: 1, stackTotal: 4)
        // Absorbed or not, an error is always printed by the renderer (its level is error).
        #expect(failed.level == .error)
    }
}
