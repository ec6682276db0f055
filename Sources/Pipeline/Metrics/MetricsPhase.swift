import AWSServices
import Foundation
import Reporting

/// `ferry metrics`: per function invocations, errors, throttles and duration percentiles.
package struct MetricsPhase: Sendable {
    /// What to measure (the project comes with `run`).
    package struct Options: Sendable {
        /// Logical IDs, function names or prefixes; empty means every function.
        package var functions: [String]
        /// `--since` (`1h`, `1d`, an ISO 8601 date).
        package var since: String

        /// Options.
        package init(functions: [String] = [], since: String = "1h") {
            self.functions = functions
            self.since = since
        }
    }

    /// The options.
    package let options: Options

    /// A phase.
    package init(options: Options) { self.options = options }

    /// Resolves `request`, reads the metrics (GetMetricData, 500 queries per call) and emits one
    /// `MetricsReportEvent`.
    package func run(_ request: ProjectRequest, sink: any EventSink, now: Date = Date()) async throws -> MetricsReport {
        let start = try TimeWindowStart.parse(options.since, now: now)
        let project = try ResolvedProject.resolve(request)
        let functions = try await project.stackFunctions(named: options.functions)
        let plan = MetricsQueryPlan(functions: functions, start: start, end: now)
        let results = try await CloudWatch(client: project.session.client).getMetricData(plan.queries, start: plan.start, end: plan.end)
        let report = plan.report(from: results)
        sink.emit(MetricsReportEvent(report: report))
        return report
    }
}

/// The metrics of every function (`metrics.report`); its data is the report.
package struct MetricsReportEvent: FerryEvent {
    /// The report.
    package let report: MetricsReport

    /// An event.
    package init(report: MetricsReport) { self.report = report }

    package var kind: String { "metrics.report" }
    package var level: EventLevel { report.functions.contains { $0.errors > 0 } ? .warning : .info }
    package var message: String {
        let invocations = report.functions.reduce(0) { $0 + $1.invocations }
        let errors = report.functions.reduce(0) { $0 + $1.errors }
        return "\(report.functions.count) functions: \(Int(invocations)) invocations, \(Int(errors)) errors"
    }

    package func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
}
