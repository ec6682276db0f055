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
        // The line, then the region's two lines, the cursor hidden first.
        #expect(out.text.hasPrefix("\u{1B}[?25l• build started\n⠋ build"))
        #expect(out.text.hasSuffix("    building f  0.0s\n") || out.text.contains("    building f  "))
        let before = out.text.count
        live.emit(StepEvent(message: "built f", updates: [.taskFinished(phase: "build", id: "f", bytes: 0)], absorbed: true))
        // Absorbed: nothing is printed until the ticker redraws.
        #expect(out.text.count == before)
        live.tick()
        let redraw = String(out.text.dropFirst(before))
        #expect(redraw.hasPrefix("\r\u{1B}[2A\u{1B}[J"))
        #expect(redraw.contains("1 done"))
        #expect(!redraw.contains("building f"))
        live.emit(StepEvent(message: "build: 1 built", updates: [.phaseFinished(phase: "build")]))
        let last = String(out.text.dropFirst(before + redraw.count))
        // The region (one line now) goes, the summary stays, the cursor is shown again once finished.
        #expect(last == "\r\u{1B}[1A\u{1B}[J• build: 1 built\n")
        live.finish()
        #expect(out.text.hasSuffix("\u{1B}[?25h"))
        live.emit(StepEvent(message: "after", updates: [.taskStarted(phase: "x", id: "y", label: "z")]))
        #expect(out.text.hasSuffix("\u{1B}[?25h• after\n"))
    }

    @Test func warningsArePrintedEvenWhenTheRegionSaysThem() {
        let out = BufferOutput()
        let live = renderer(out)
        live.emit(StepEvent(level: .warning, message: "slow upload", updates: [.counted(phase: "package", count: 1)], absorbed: true))
        #expect(out.text.contains("! slow upload\n"))
        live.finish()
        #expect(out.text.hasSuffix("\u{1B}[J\u{1B}[?25h"))
    }
}
