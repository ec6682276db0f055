import Foundation
import Testing
@testable import Reporting

private struct StepEvent: FerryEvent {
    var kind = "sample.step"
    var level: EventLevel = .info
    var message: String
    var updates: [LiveUpdate] = []
    var absorbed = false

    enum CodingKeys: String, CodingKey { case message }
}

private struct StepPresenter: LivePresenter {
    func reading(of event: any FerryEvent) -> LiveReading {
        guard let step = event as? StepEvent else { return .none }
        return LiveReading(updates: step.updates, absorbed: step.absorbed)
    }
}

/// The terminal writer: lines printed above the region stay, the region is rewritten in place
/// and the cursor is shown again at the end.
@Suite struct LiveConsoleRendererTests {
    private func renderer(_ out: BufferOutput) -> LiveConsoleRenderer {
        let style = OutputStyle(format: .console, colour: false, interactive: true, minimumLevel: .info)
        return LiveConsoleRenderer(style: style, out: out, presenter: DetailedPresenter(), live: StepPresenter(),
                                   size: { (columns: 60, rows: 20) })
    }

    @Test func linesGoAboveTheRegionWhichIsRewrittenInPlace() {
        let out = BufferOutput()
        let live = renderer(out)
        live.emit(StepEvent(message: "build started", updates: [.taskStarted(phase: "build", id: "f", label: "building f")]))
        // The cursor hidden, the line, then the region's two lines, each erased to its end.
        #expect(out.text.hasPrefix("\u{1B}[?25l• build started\u{1B}[K\n⠋ build "))
        #expect(out.text.contains("\u{1B}[K\n    building f  0.0s\u{1B}[K\n"))
        let before = out.text.count
        live.emit(StepEvent(message: "built f", updates: [.taskFinished(phase: "build", id: "f", bytes: 0)], absorbed: true))
        // Absorbed: nothing is printed until the ticker redraws.
        #expect(out.text.count == before)
        live.tick()
        let redraw = String(out.text.dropFirst(before))
        // Back up two lines, the new (one-line) frame over the first, the second line erased.
        #expect(redraw.hasPrefix("\r\u{1B}[2A⠋ build     1 done  "))
        #expect(redraw.hasSuffix("\u{1B}[K\n\u{1B}[2K"))
        #expect(!redraw.contains("building f"))
        live.emit(StepEvent(message: "build: 1 built", updates: [.phaseFinished(phase: "build")]))
        let last = String(out.text.dropFirst(before + redraw.count))
        // The summary takes the region's place; nothing of the region is left.
        #expect(last == "\r\u{1B}[1A• build: 1 built\u{1B}[K\n")
        live.finish()
        #expect(out.text.hasSuffix("\u{1B}[?25h"))
        live.emit(StepEvent(message: "after", updates: [.taskStarted(phase: "x", id: "y", label: "z")]))
        #expect(out.text.hasSuffix("\u{1B}[?25h• after\u{1B}[K\n"))
    }

    @Test func warningsArePrintedEvenWhenTheRegionSaysThem() {
        let out = BufferOutput()
        let live = renderer(out)
        live.emit(StepEvent(level: .warning, message: "slow upload", updates: [.counted(phase: "package", count: 1)], absorbed: true))
        #expect(out.text.contains("! slow upload\u{1B}[K\n⠋ package "))
        live.finish()
        #expect(out.text.hasSuffix("\r\u{1B}[1A\u{1B}[2K\u{1B}[?25h"))
    }

    @Test func aShorterFrameErasesTheRowsOfTheLongerOneWithoutErasingTheScreen() {
        let text = LiveTerminal.redraw(shown: 4, above: "", frame: ["a"])
        #expect(text == "\r\u{1B}[4Aa\u{1B}[K\n\u{1B}[2K\u{1B}[1B\u{1B}[2K\u{1B}[1B\u{1B}[2K\u{1B}[2A")
        #expect(!text.contains("\u{1B}[J"))
        #expect(LiveTerminal.redraw(shown: 0, above: "x\ny\n", frame: []) == "x\u{1B}[K\ny\u{1B}[K\n")
    }
}
