// The concise console (no --verbose): one line per change, one summary per phase.
import AWSServices
import Builds
import Deployment
import Foundation
import Reporting
import Testing
@testable import FerryCLI

@Suite("concise console output")
struct ConciseOutputTests {
    private func render(_ events: [any FerryEvent], scope: ConciseEventPresenter.Scope = .other, detailed: Bool = false) -> [String] {
        let out = BufferOutput()
        let style = OutputStyle(format: .console, colour: false, interactive: false, minimumLevel: detailed ? .debug : .info,
                                detailed: detailed)
        let renderer = ConsoleRenderer(style: style, out: out, presenter: ConciseEventPresenter(scope: scope))
        for event in events { renderer.emit(event) }
        return out.text.split(separator: "\n").map(String.init)
    }

    private func build(cached: Int, built: [String]) -> [any FerryEvent] {
        var events: [any FerryEvent] = []
        let total = cached + built.count
        for index in 0..<cached {
            var event = BuildEvent(.cached)
            event.artifact = "Root/Cached\(index)"
            event.position = index + 1
            event.total = total
            events.append(event)
        }
        for (index, name) in built.enumerated() {
            var started = BuildEvent(.started)
            started.artifact = name
            started.builder = "python"
            var finished = BuildEvent(.finished)
            finished.artifact = name
            finished.seconds = 1.5
            finished.position = cached + index + 1
            finished.total = total
            finished.notes = ["pip resolved 3 packages"]
            events += [started, finished]
        }
        var summary = BuildEvent(.summary)
        summary.built = built.count
        summary.cachedCount = cached
        summary.seconds = 2
        return events + [summary]
    }

    @Test("cached artifacts are one count in the build's summary line, built ones one line each")
    func buildPhase() {
        let lines = render(build(cached: 17, built: []))
        #expect(lines == ["✓ build: built 0, cached 17 in 2.0 s"])
        let changed = render(build(cached: 16, built: ["Root/Api"]))
        #expect(changed == ["• [17/17] built Root/Api in 1.5 s", "✓ build: built 1, cached 16 in 2.0 s"])
    }

    @Test("--verbose keeps every event with its details")
    func verboseKeepsEverything() {
        let lines = render(build(cached: 2, built: ["Root/Api"]), detailed: true)
        #expect(lines.filter { $0.contains("cached Root/") }.count == 2)
        #expect(lines.contains("• building Root/Api (python)"))
        #expect(lines.contains("    pip resolved 3 packages"))
    }

    @Test("a deploy shows each resource once, when it is done; failures in full")
    func stackActivity() throws {
        func event(_ logicalID: String, _ status: String, type: String = "AWS::SQS::Queue", stack: String = "app",
                   reason: String? = nil) throws -> StackActivityEvent {
            var object: [String: Any] = [
                "StackId": "arn:aws:cloudformation:eu-central-1:1:stack/\(stack)/1", "EventId": UUID().uuidString,
                "StackName": stack, "LogicalResourceId": logicalID, "ResourceType": type, "ResourceStatus": status,
                "Timestamp": 0,
            ]
            if let reason { object["ResourceStatusReason"] = reason }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .custom { path in
                let key = path.last!.stringValue
                return AnyKey(key.prefix(1).lowercased() + key.dropFirst())
            }
            let stackEvent = try decoder.decode(StackEvent.self, from: JSONSerialization.data(withJSONObject: object))
            return StackActivityEvent(stackEvent, done: 1, total: 3, elapsedSeconds: 4)
        }
        let lines = render([
            try event("app", "CREATE_IN_PROGRESS", type: "AWS::CloudFormation::Stack"),
            try event("Jobs", "CREATE_IN_PROGRESS"),
            try event("Jobs", "CREATE_COMPLETE"),
            try event("Table", "CREATE_FAILED", type: "AWS::DynamoDB::Table", reason: "bad key schema"),
            try event("app", "ROLLBACK_COMPLETE", type: "AWS::CloudFormation::Stack"),
        ])
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0] == "• [1/3 4s] app Jobs CREATE_COMPLETE AWS::SQS::Queue")
        #expect(lines[1].hasPrefix("✗ [1/3 4s] app Table CREATE_FAILED") && lines[1].hasSuffix("bad key schema"))
        #expect(lines[2].contains("ROLLBACK_COMPLETE"), "a rollback is a warning: always shown")
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
