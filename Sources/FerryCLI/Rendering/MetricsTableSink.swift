import Foundation
import Pipeline
import Reporting

/// Prints `ferry metrics` as a table (a sparkline of invocations on a TTY); every other event goes
/// to `fallback`.
final class MetricsTableSink: EventSink {
    private let style: OutputStyle
    private let fallback: any EventSink
    private let out: any TextOutput

    init(style: OutputStyle, fallback: any EventSink, out: any TextOutput = FileHandleOutput.standardOutput) {
        self.style = style
        self.fallback = fallback
        self.out = out
    }

    func emit(_ event: any FerryEvent) {
        guard let event = event as? MetricsReportEvent else { return fallback.emit(event) }
        out.write(Self.render(event.report, sparklines: style.interactive, colour: style.colour))
    }

    /// The table's text: one row per function in report order, errors in red on a colour terminal.
    static func render(_ report: MetricsReport, sparklines: Bool, colour: Bool) -> String {
        var headers = ["FUNCTION", "INVOCATIONS", "ERRORS", "THROTTLES", "P50", "P95", "MAX"]
        if sparklines { headers.append("INVOCATIONS/\(periodText(report.periodSeconds))") }
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: 6) + [.left])
        for row in report.functions {
            var cells = [row.function, MetricText.count(row.invocations), MetricText.count(row.errors),
                         MetricText.count(row.throttles), MetricText.milliseconds(row.durationP50),
                         MetricText.milliseconds(row.durationP95), MetricText.milliseconds(row.durationMax)]
            if sparklines { cells.append(Sparkline.render(row.invocationSeries)) }
            table.rows.append(cells)
        }
        let lines = table.lines()
        var text = ""
        for (index, line) in lines.enumerated() {
            let failing = index > 0 && report.functions[index - 1].errors > 0
            text += (colour && failing ? "\u{1B}[31m\(line)\u{1B}[0m" : line) + "\n"
        }
        return text
    }

    private static func periodText(_ seconds: Int) -> String {
        seconds % 86_400 == 0 ? "\(seconds / 86_400)d" : seconds % 3600 == 0 ? "\(seconds / 3600)h" : "\(seconds / 60)m"
    }
}
