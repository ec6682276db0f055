import Foundation

/// One function's figures over the window: counts, duration percentiles and invocations per period.
package struct FunctionMetrics: Sendable, Equatable, Encodable {
    /// The display name (`Handler`, `Api/Handler`).
    package var function: String
    package var logicalID: String
    /// The Lambda function name (the metrics' `FunctionName` dimension).
    package var functionName: String
    /// Sum of `Invocations`.
    package var invocations: Double
    /// Sum of `Errors`.
    package var errors: Double
    /// Sum of `Throttles`.
    package var throttles: Double
    /// `Duration` p50 in milliseconds; nil without data.
    package var durationP50: Double?
    /// `Duration` p95 in milliseconds; nil without data.
    package var durationP95: Double?
    /// `Duration` maximum in milliseconds; nil without data.
    package var durationMax: Double?
    /// Invocations per period, oldest first, zero where there was no data.
    package var invocationSeries: [Double]

    /// Figures of one function.
    package init(function: String, logicalID: String, functionName: String, invocations: Double = 0, errors: Double = 0,
                throttles: Double = 0, durationP50: Double? = nil, durationP95: Double? = nil, durationMax: Double? = nil,
                invocationSeries: [Double] = []) {
        self.function = function
        self.logicalID = logicalID
        self.functionName = functionName
        self.invocations = invocations
        self.errors = errors
        self.throttles = throttles
        self.durationP50 = durationP50
        self.durationP95 = durationP95
        self.durationMax = durationMax
        self.invocationSeries = invocationSeries
    }
}

/// `ferry metrics`' answer: the window and one row per function, functions with errors first.
package struct MetricsReport: Sendable, Equatable, Encodable {
    package var start: Date
    package var end: Date
    /// Seconds per point of `invocationSeries`.
    package var periodSeconds: Int
    package var functions: [FunctionMetrics]

    /// A report; `functions` are put in table order.
    package init(start: Date, end: Date, periodSeconds: Int, functions: [FunctionMetrics]) {
        self.start = start
        self.end = end
        self.periodSeconds = periodSeconds
        self.functions = Self.tableOrder(functions)
    }

    /// Functions with errors first (most errors first), then by name.
    package static func tableOrder(_ rows: [FunctionMetrics]) -> [FunctionMetrics] {
        rows.sorted { lhs, rhs in
            if (lhs.errors > 0) != (rhs.errors > 0) { return lhs.errors > 0 }
            if lhs.errors != rhs.errors { return lhs.errors > rhs.errors }
            return lhs.function < rhs.function
        }
    }
}
