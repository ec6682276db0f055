import Reporting
import Testing

@Suite("Sparklines, tables and metric texts")
struct OperateRenderingTests {
    @Test("a sparkline scales from zero to the series' maximum")
    func sparkline() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([0, 0, 0]) == "▁▁▁")
        #expect(Sparkline.render([5]) == "█")
        #expect(Sparkline.render([]) == "")
        #expect(Sparkline.render([2, 1, 0, 1]) == "█▅▁▅")
    }

    @Test("a long series is summed into at most `width` blocks")
    func sparklineWidth() {
        let line = Sparkline.render(Array(repeating: 1, count: 60) + Array(repeating: 0, count: 60), width: 4)
        #expect(line == "██▁▁")
    }

    @Test("a table pads columns, aligns numbers right and trims line ends")
    func table() {
        var table = TextTable(headers: ["NAME", "COUNT", "NOTE"], alignments: [.left, .right, .left])
        table.rows = [["a", "1", ""], ["longer", "1234", "▁█"]]
        #expect(table.lines() == [
            "NAME    COUNT  NOTE",
            "a           1",
            "longer   1234  ▁█",
        ])
    }

    @Test("counts and milliseconds read short")
    func texts() {
        #expect(MetricText.count(0) == "0")
        #expect(MetricText.count(42) == "42")
        #expect(MetricText.count(1250) == "1.3k")
        #expect(MetricText.count(3_400_000) == "3.4M")
        #expect(MetricText.milliseconds(nil) == "–")
        #expect(MetricText.milliseconds(12) == "12 ms")
        #expect(MetricText.milliseconds(12.46) == "12.5 ms")
        #expect(MetricText.milliseconds(1250) == "1.3 s")
    }

    @Test("each function name keeps its colour")
    func colours() {
        #expect(FunctionColours.code(for: "Api/Handler") == FunctionColours.code(for: "Api/Handler"))
        #expect(FunctionColours.paint("x", for: "F").hasPrefix("\u{1B}["))
    }
}
