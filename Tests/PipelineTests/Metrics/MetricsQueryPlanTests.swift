import AWSServices
import Foundation
import Pipeline
import Testing

@Suite("Metrics queries")
struct MetricsQueryPlanTests {
    let end = Date(timeIntervalSince1970: 1_800_000_030)

    func functions(_ count: Int) -> [StackFunction] {
        (0..<count).map { StackFunction(logicalID: "Fn\($0)", stackPath: "Root", functionName: "app-Fn\($0)") }
    }

    @Test("the series period gives at most 60 points", arguments: [
        (600.0, 60), (3600, 60), (3601, 300), (6 * 3600, 900), (86_400, 1800), (7 * 86_400, 10_800), (30 * 86_400, 43_200),
    ] as [(Double, Int)])
    func period(window: Double, expected: Int) {
        #expect(MetricsQueryPlan.seriesPeriod(forWindow: window) == expected)
    }

    @Test("seven queries per function with unique IDs; one window-long period for the totals")
    func queries() {
        let plan = MetricsQueryPlan(functions: functions(3), start: end.addingTimeInterval(-3600), end: end)
        let queries = plan.queries
        #expect(queries.count == 21)
        #expect(Set(queries.map(\.id)).count == 21)
        #expect(queries.allSatisfy { $0.id.first?.isLowercase == true })
        #expect(plan.start.timeIntervalSince1970.truncatingRemainder(dividingBy: 60) == 0)
        let first = queries.prefix(7)
        #expect(first.map { $0.metricName ?? "" } == ["Invocations", "Invocations", "Errors", "Throttles", "Duration", "Duration", "Duration"])
        #expect(first.map { $0.stat ?? "" } == ["Sum", "Sum", "Sum", "Sum", "p50", "p95", "Maximum"])
        #expect(first.map { $0.period ?? 0 } == [60] + Array(repeating: plan.windowPeriod, count: 6))
        #expect(plan.windowPeriod >= Int(plan.end.timeIntervalSince(plan.start)))
        #expect(first.allSatisfy { $0.dimensions == [Dimension(name: "FunctionName", value: "app-Fn0")] && $0.namespace == "AWS/Lambda" })
    }

    @Test("more than 500 queries need more than one GetMetricData call")
    func batches() {
        let plan = MetricsQueryPlan(functions: functions(72), start: end.addingTimeInterval(-3600), end: end)
        #expect(plan.queries.count == 504)
        #expect((plan.queries.count + CloudWatch.maximumQueriesPerCall - 1) / CloudWatch.maximumQueriesPerCall == 2)
    }

    func result(_ id: String, _ points: [(Date, Double)]) throws -> MetricDataResult {
        MetricDataResult(id: id, timestamps: points.map(\.0), values: points.map(\.1))
    }

    @Test("results become rows: sums, percentiles, a zero-filled series, functions with errors first")
    func report() throws {
        let plan = MetricsQueryPlan(functions: functions(3), start: end.addingTimeInterval(-600), end: end)
        let start = plan.start
        let results = [
            try result("f0_invocations", [(start, 7)]),
            try result("f0_series", [(start.addingTimeInterval(60), 3), (start.addingTimeInterval(300), 4)]),
            try result("f1_errors", [(start, 2)]),
            try result("f1_invocations", [(start, 5)]),
            try result("f1_p50", [(start, 120)]),
            try result("f1_p95", [(start, 480)]),
            try result("f1_maximum", [(start, 900)]),
            try result("f2_errors", [(start, 0)]),
        ]
        let report = plan.report(from: results)
        #expect(report.functions.map(\.logicalID) == ["Fn1", "Fn0", "Fn2"])
        let failing = report.functions[0]
        #expect(failing.errors == 2 && failing.invocations == 5)
        #expect(failing.durationP50 == 120 && failing.durationP95 == 480 && failing.durationMax == 900)
        let quiet = report.functions[1]
        #expect(quiet.invocations == 7 && quiet.durationP50 == nil)
        #expect(quiet.invocationSeries.count == plan.seriesLength)
        #expect(quiet.invocationSeries.prefix(6) == [0, 3, 0, 0, 0, 4])
        #expect(report.periodSeconds == 60)
    }
}
