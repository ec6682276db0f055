// `ferry logs` and `ferry metrics`: argument parsing and the console rendering.
import Foundation
import Pipeline
import Reporting
import Testing
@testable import FerryCLI

@Suite("ferry logs and ferry metrics")
struct OperateCommandTests {
    @Test("logs parses functions, --since, --filter and --follow")
    func parsesLogs() throws {
        let command = try #require(try Ferry.parseAsRoot(["logs", "Api", "Ingest", "--since", "2h", "--filter", "ERROR", "-f"]) as? LogsCommand)
        #expect(command.window.functions == ["Api", "Ingest"])
        #expect(command.window.since == "2h")
        #expect(command.filter == "ERROR")
        #expect(command.follow)
    }

    @Test("metrics parses --since and --json")
    func parsesMetrics() throws {
        let command = try #require(try Ferry.parseAsRoot(["metrics", "--since", "1d", "--json"]) as? MetricsCommand)
        #expect(command.window.since == "1d")
        #expect(command.global.json)
    }

    @Test("log lines are tagged and padded; colour only when asked, one colour per function")
    func logLines() {
        let plain = BufferOutput()
        let style = OutputStyle(format: .console, colour: false, interactive: false, minimumLevel: .info)
        let sink = LogLineConsoleSink(style: style, fallback: NullEventSink(), out: plain)
        sink.emit(LogLineEvent(line: TaggedLogEvent(function: "Api/Handler", logGroupName: "g", timestamp: 0, message: "one\n")))
        sink.emit(LogLineEvent(line: TaggedLogEvent(function: "Fn", logGroupName: "g", timestamp: 1500, message: "two")))
        #expect(plain.text == "Api/Handler  1970-01-01T00:00:00.000Z  one\nFn           1970-01-01T00:00:01.500Z  two\n")

        let coloured = BufferOutput()
        let colourSink = LogLineConsoleSink(style: OutputStyle(format: .console, colour: true, interactive: true, minimumLevel: .info),
                                            fallback: NullEventSink(), out: coloured)
        for name in ["A", "B", "A"] {
            colourSink.emit(LogLineEvent(line: TaggedLogEvent(function: name, logGroupName: "g", timestamp: 0, message: "m")))
        }
        let lines = coloured.text.split(separator: "\n")
        #expect(lines[0].hasPrefix("\u{1B}[36mA\u{1B}[0m"))
        #expect(lines[1].hasPrefix("\u{1B}[35mB\u{1B}[0m"))
        #expect(lines[2].hasPrefix("\u{1B}[36mA\u{1B}[0m"))
    }

    @Test("the metrics table puts the report's order in rows and draws sparklines only on a terminal")
    func metricsTable() {
        let report = MetricsReport(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 3600), periodSeconds: 60, functions: [
            FunctionMetrics(function: "Ok", logicalID: "Ok", functionName: "ok", invocations: 1200, invocationSeries: [0, 1, 2]),
            FunctionMetrics(function: "Broken", logicalID: "Broken", functionName: "broken", invocations: 3, errors: 2,
                            durationP50: 12, durationP95: 480, durationMax: 1250, invocationSeries: [3, 0, 0]),
        ])
        let text = MetricsTableSink.render(report, sparklines: false, colour: false)
        #expect(text == """
            FUNCTION  INVOCATIONS  ERRORS  THROTTLES    P50     P95    MAX
            Broken              3       2          0  12 ms  480 ms  1.3 s
            Ok               1.2k       0          0      –       –      –

            """)
        let withSparklines = MetricsTableSink.render(report, sparklines: true, colour: false)
        #expect(withSparklines.contains("INVOCATIONS/1m"))
        #expect(withSparklines.contains("█▁▁") && withSparklines.contains("▁▅█"))
    }
}
