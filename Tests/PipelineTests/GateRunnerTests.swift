import Configuration
import Foundation
import Reporting
import Testing
@testable import Pipeline

@Suite("before_deploy gates")
struct GateRunnerTests {
    @Test("gates run in order in the project folder, their output streamed as events")
    func passing() async throws {
        let folder = try temporaryFolder()
        try "marker\n".write(to: folder.appendingPathComponent("here.txt"), atomically: true, encoding: .utf8)
        let env = try environment(#"before_deploy = ["cat here.txt", "echo first; echo second >&2", "printf 'no newline'; echo $FERRY_ENV $FERRY_STACK >&2"]"#)
        let sink = RecordingSink()
        let report = try await GateRunner(processEnvironment: ["PATH": "/usr/bin:/bin"])
            .run(environment: env, projectRoot: folder, sink: sink)
        #expect(report.passed.map(\.command) == env.operate.beforeDeploy)
        #expect(!report.skipped)
        let lines = sink.all.compactMap { ($0 as? GateEvent).flatMap { $0.step == .output ? $0.line : nil } }
        #expect(lines.first == "marker")
        #expect(lines.contains("first") && lines.contains("second"))
        #expect(lines.contains { $0.contains("no newline") })
        #expect(lines.contains { $0.contains("dev app-dev") })
        #expect(sink.kinds.filter { $0 == "gate.passed" }.count == 3)
        #expect(sink.kinds.first == "gate.started")
    }

    @Test("the first failing gate stops the run and names its command and exit status")
    func failing() async throws {
        let env = try environment(#"before_deploy = ["echo checking", "exit 3", "touch should-not-exist"]"#)
        let folder = try temporaryFolder()
        let sink = RecordingSink()
        let failure = try await #require(throws: GateFailure.self) {
            try await GateRunner().run(environment: env, projectRoot: folder, sink: sink)
        }
        #expect(failure.index == 2)
        #expect(failure.count == 3)
        #expect(failure.exitStatus == 3)
        #expect(failure.command == "exit 3")
        #expect(failure.description.contains("gate 2 of 3 (`exit 3`) failed with exit status 3"))
        #expect(failure.description.contains("--skip-gates"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("should-not-exist").path))
        #expect(sink.kinds.last == "gate.failed")
    }

    @Test("a gate that outlives gate_timeout is stopped with a clear message")
    func timeout() async throws {
        let env = try environment("before_deploy = [\"sleep 30\"]\ngate_timeout = 1\n")
        let failure = try await #require(throws: GateFailure.self) {
            try await GateRunner().run(environment: env, projectRoot: try temporaryFolder(), sink: RecordingSink())
        }
        #expect(failure.exitStatus == nil)
        #expect(failure.description.contains("timed out after 1 s (gate_timeout = 1)"))
    }

    @Test("skipping gates runs nothing and warns loudly")
    func skipped() async throws {
        let folder = try temporaryFolder()
        let env = try environment(#"before_deploy = ["touch ran"]"#)
        let sink = RecordingSink()
        let report = try await GateRunner.run(environment: env, projectRoot: folder, sink: sink, skip: true)
        #expect(report.skipped)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ran").path))
        let event = try #require(sink.all.first as? GateEvent)
        #expect(event.level == .warning)
        #expect(event.message.contains("GATES SKIPPED"))
    }

    @Test("no gates: nothing runs and nothing is said")
    func none() async throws {
        let sink = RecordingSink()
        let report = try await GateRunner.run(environment: try environment(""), projectRoot: try temporaryFolder(), sink: sink)
        #expect(report == GateReport())
        #expect(sink.all.isEmpty)
    }

    @Test("output is split into lines across chunks, CRLF included")
    func lineSplitting() {
        var splitter = LineSplitter()
        #expect(splitter.append(Data("ab".utf8)).isEmpty)
        #expect(splitter.append(Data("c\r\nde\nf".utf8)) == ["abc", "de"])
        #expect(splitter.finish() == "f")
        #expect(splitter.finish() == nil)
    }
}
