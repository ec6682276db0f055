import Foundation

/// One function's figures over the window: counts, duration percentiles and invocations per period.
public struct FunctionMetrics: Sendable, Equatable, Encodable {
    /// The display name (`Handler`, `Api/Handler`).
    public var function: String
    public var logicalID: String
    /// The Lambda function name (the metrics' `FunctionName` dimension).
    public var functionName: String
    /// Sum of `Invocations`.
    public var invocations: Double
    /// Sum of `Errors`.
    public var errors: Double
    /// Sum of `Throttles`.
    public var throttles: Double
    /// `Duration` p50 in milliseconds; nil without data.
    public var durationP50: Double?
    /// `Duration` p95 in milliseconds; nil without data.
    public var durationP95: Double?
    /// `Duration` maximum in milliseconds; nil without data.
    public var durationMax: Double?
    /// Invocations per period, oldest first, zero where there was no data.
    public var invocationSeries: [Double]

    /// Figures of one function.
    public init(function: String, logicalID: String, functionName: String, invocations: Double = 0, errors: Double = 0,
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
public struct MetricsReport: Sendable, Equatable, Encodable {
    public var start: Date
    public var end: Date
    /// Seconds per point of `invocationSeries`.
    public var periodSeconds: Int
    public var functions: [FunctionMetrics]

    /// A report; `functions` are put in table order.
    public init(start: Date, end: Date, periodSeconds: Int, functions: [FunctionMetrics]) {
        self.start = start
        self.end = end
        self.periodSeconds = periodSeconds
        self.functions = Self.tableOrder(functions)
    }

    /// Functions with errors first (most errors first), then by name.
    public static func tableOrder(_ rows: [FunctionMetrics]) -> [FunctionMetrics] {
        rows.sorted { lhs, rhs in
            if (lhs.errors > 0) != (rhs.errors > 0) { return lhs.errors > 0 }
            if lhs.errors != rhs.errors { return lhs.errors > rhs.errors }
            return lhs.function < rhs.function
        }
    }
}
