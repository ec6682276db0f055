import AWSServices
import Foundation

/// The GetMetricData queries of `ferry metrics` and how their results become a `MetricsReport`.
///
/// Per function: `Invocations` Sum per series period (the sparkline), and over one period that
/// covers the whole window `Invocations`, `Errors`, `Throttles` (Sum) and `Duration` p50, p95 and
/// Maximum. Percentiles cannot be combined from smaller periods, so CloudWatch computes them over
/// the window itself. `CloudWatch.getMetricData` sends them 500 per call.
package struct MetricsQueryPlan: Sendable {
    /// The functions, in query order.
    package let functions: [StackFunction]
    /// The window's start, on a whole minute.
    package let start: Date
    package let end: Date
    /// Seconds per point of the invocation series.
    package let seriesPeriod: Int
    /// Seconds of the single period that covers the window.
    package let windowPeriod: Int

    /// The namespace Lambda publishes to.
    package static let namespace = "AWS/Lambda"

    /// A plan for `functions` between `start` (rounded down to the minute) and `end`.
    package init(functions: [StackFunction], start: Date, end: Date) {
        self.functions = functions
        let minuteStart = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / 60).rounded(.down) * 60)
        self.start = minuteStart
        self.end = end
        let window = max(60, end.timeIntervalSince(minuteStart))
        seriesPeriod = Self.seriesPeriod(forWindow: max(60, end.timeIntervalSince(start)))
        windowPeriod = Int((window / Double(seriesPeriod)).rounded(.up)) * seriesPeriod
    }

    /// The smallest standard period giving at most 60 points over `window` seconds.
    package static func seriesPeriod(forWindow window: TimeInterval) -> Int {
        let periods = [60, 300, 900, 1800, 3600, 10_800, 21_600, 43_200, 86_400, 604_800]
        return periods.first { window / Double($0) <= 60 } ?? periods.last!
    }

    /// The points of the invocation series.
    package var seriesLength: Int { max(1, Int((end.timeIntervalSince(start) / Double(seriesPeriod)).rounded(.up))) }

    /// What each query asks, in `queries`' order.
    enum Figure: String, CaseIterable {
        case series, invocations, errors, throttles, p50, p95, maximum

        var metric: String {
            switch self {
            case .series, .invocations: "Invocations"
            case .errors: "Errors"
            case .throttles: "Throttles"
            case .p50, .p95, .maximum: "Duration"
            }
        }

        var stat: String {
            switch self {
            case .series, .invocations, .errors, .throttles: "Sum"
            case .p50: "p50"
            case .p95: "p95"
            case .maximum: "Maximum"
            }
        }
    }

    /// Seven queries per function (`f<index>_<figure>`).
    package var queries: [MetricDataQuery] {
        functions.enumerated().flatMap { index, function in
            Figure.allCases.map { figure in
                MetricDataQuery(
                    id: Self.queryID(function: index, figure), namespace: Self.namespace, metricName: figure.metric,
                    dimensions: [Dimension(name: "FunctionName", value: function.functionName)],
                    period: figure == .series ? seriesPeriod : windowPeriod, stat: figure.stat)
            }
        }
    }

    static func queryID(function index: Int, _ figure: Figure) -> String { "f\(index)_\(figure.rawValue)" }

    /// The report from GetMetricData's results (any order, any subset).
    package func report(from results: [MetricDataResult]) -> MetricsReport {
        let byID = Dictionary(results.compactMap { result in result.id.map { ($0, result) } }, uniquingKeysWith: { first, _ in first })
        let rows = functions.enumerated().map { index, function -> FunctionMetrics in
            func values(_ figure: Figure) -> [Double] { byID[Self.queryID(function: index, figure)]?.values.member ?? [] }
            func first(_ figure: Figure) -> Double? { values(figure).first }
            return FunctionMetrics(
                function: function.displayName, logicalID: function.logicalID, functionName: function.functionName,
                invocations: values(.invocations).reduce(0, +), errors: values(.errors).reduce(0, +),
                throttles: values(.throttles).reduce(0, +), durationP50: first(.p50), durationP95: first(.p95),
                durationMax: values(.maximum).max(),
                invocationSeries: series(byID[Self.queryID(function: index, .series)]))
        }
        return MetricsReport(start: start, end: end, periodSeconds: seriesPeriod, functions: rows)
    }

    /// The series' values placed in their periods from `start`, zero where there is no point.
    func series(_ result: MetricDataResult?) -> [Double] {
        var points = Array(repeating: 0.0, count: seriesLength)
        guard let result else { return points }
        for (timestamp, value) in zip(result.timestamps.member, result.values.member) {
            let offset = Int((timestamp.timeIntervalSince(start) / Double(seriesPeriod)).rounded(.down))
            points[min(max(offset, 0), points.count - 1)] += value
        }
        return points
    }
}
