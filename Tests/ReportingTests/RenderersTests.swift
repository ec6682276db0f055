import Foundation
import Testing
@testable import Reporting

private struct SampleEvent: FerryEvent {
    var kind = "sample.step"
    var level: EventLevel
    var message: String
    var details: [String] = []
    var count = 3

    enum CodingKeys: String, CodingKey { case count }
}

@Suite struct OutputStyleTests {
    @Test func jsonWinsAndNeverColours() {
        let style = OutputStyle.resolve(json: true, noColor: false, verbose: false, environment: [:], stdoutIsTerminal: true)
        #expect(style.format == .jsonLines)
        #expect(!style.colour && !style.interactive)
    }

    @Test func theLiveRegionOnlyOnAColourTerminalWithoutVerbose() {
        #expect(OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: [:], stdoutIsTerminal: true).live)
        #expect(!OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: [:], stdoutIsTerminal: false).live)
        #expect(!OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: ["NO_COLOR": "1"], stdoutIsTerminal: true).live)
        #expect(!OutputStyle.resolve(json: false, noColor: true, verbose: false, environment: [:], stdoutIsTerminal: true).live)
        #expect(!OutputStyle.resolve(json: false, noColor: false, verbose: true, environment: [:], stdoutIsTerminal: true).live)
        #expect(!OutputStyle.resolve(json: true, noColor: false, verbose: false, environment: [:], stdoutIsTerminal: true).live)
        #expect(!OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: ["TERM": "dumb"], stdoutIsTerminal: true).live)
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: [:], stdoutIsTerminal: true).colour)
        #expect(!OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: [:], stdoutIsTerminal: false).colour)
        #expect(!OutputStyle.resolve(json: false, noColor: true, verbose: false, environment: [:], stdoutIsTerminal: true).colour)
        #expect(!OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: ["NO_COLOR": "1"], stdoutIsTerminal: true).colour)
        // An empty NO_COLOR does not count (no-color.org).
        #expect(OutputStyle.resolve(json: false, noColor: false, verbose: false, environment: ["NO_COLOR": ""], stdoutIsTerminal: true).colour)
    }
}

@Suite struct ConsoleRendererTests {
    @Test func plainLinesWithoutColourInTheOrderTheyHappened() {
        let out = BufferOutput()
        let style = OutputStyle(format: .console, colour: false, interactive: false, minimumLevel: .info)
        let renderer = ConsoleRenderer(style: style, out: out)
        renderer.emit(SampleEvent(level: .success, message: "built 3 functions", details: ["in 1.2 s"]))
        renderer.emit(SampleEvent(level: .error, message: "bucket missing"))
        renderer.emit(SampleEvent(level: .debug, message: "hidden"))
        #expect(out.text == "✓ built 3 functions\n    in 1.2 s\n✗ bucket missing\n")
        #expect(!out.text.contains("\u{1B}["))
    }

    @Test func colourWhenAsked() {
        let out = BufferOutput()
        let style = OutputStyle(format: .console, colour: true, interactive: true, minimumLevel: .info)
        ConsoleRenderer(style: style, out: out).emit(SampleEvent(level: .success, message: "ok"))
        #expect(out.text.contains("\u{1B}[32m"))
    }
}

@Suite struct JSONLinesRendererTests {
    @Test func oneObjectPerLineWithKindLevelMessageAndData() throws {
        let out = BufferOutput()
        let renderer = JSONLinesRenderer(out: out)
        renderer.emit(SampleEvent(level: .info, message: "first"))
        renderer.emit(SampleEvent(level: .warning, message: "second"))
        let lines = out.text.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(object["event"] as? String == "sample.step")
        #expect(object["level"] as? String == "warning")
        #expect(object["message"] as? String == "second")
        #expect((object["data"] as? [String: Any])?["count"] as? Int == 3)
    }
}
