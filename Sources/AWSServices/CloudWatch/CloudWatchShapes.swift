import AWSCore
import Foundation

/// A metric dimension (`FunctionName=my-fn`).
public struct Dimension: Codable, Sendable, Equatable, Hashable {
    public var name: String
    public var value: String

    /// A dimension.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One query of GetMetricData: a statistic of one metric over periods, or a metric-math expression.
public struct MetricDataQuery: Sendable, Equatable {
    /// A short ID unique in the request (starts with a lower-case letter).
    public var id: String
    public var namespace: String?
    public var metricName: String?
    public var dimensions: [Dimension]
    /// Seconds per data point (60, 300, ...).
    public var period: Int?
    /// `Sum`, `Average`, `Maximum`, `p99`, ...
    public var stat: String?
    public var unit: String?
    /// A metric-math expression instead of a metric.
    public var expression: String?
    public var label: String?
    public var returnData: Bool?

    /// A statistic of one metric.
    public init(id: String, namespace: String, metricName: String, dimensions: [Dimension] = [], period: Int, stat: String) {
        self.id = id
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.period = period
        self.stat = stat
    }

    /// A metric-math expression over other queries' IDs.
    public init(id: String, expression: String, label: String? = nil, period: Int? = nil) {
        self.id = id
        self.expression = expression
        self.label = label
        self.period = period
        self.dimensions = []
    }

    func add(to parameters: inout QueryParameters) {
        parameters.set("Id", id)
        parameters.set("Expression", expression)
        parameters.set("Label", label)
        parameters.set("ReturnData", returnData)
        if let metricName {
            parameters.set("MetricStat.Metric.Namespace", namespace)
            parameters.set("MetricStat.Metric.MetricName", metricName)
            parameters.set("MetricStat.Metric.Dimensions", dimensions: dimensions)
            parameters.set("MetricStat.Period", period)
            parameters.set("MetricStat.Stat", stat)
            parameters.set("MetricStat.Unit", unit)
        } else {
            parameters.set("Period", period)
        }
    }
}

/// The data points of one query, all pages merged.
public struct MetricDataResult: Decodable, Sendable, Equatable {
    public var id: String?
    public var label: String?
    public var timestamps: QueryList<Date>
    public var values: QueryList<Double>
    /// `Complete`, `InternalError`, `PartialData`, `Forbidden`.
    public var statusCode: String?

    /// A result with these points (for fakes and tests).
    public init(id: String?, label: String? = nil, timestamps: [Date], values: [Double], statusCode: String? = "Complete") {
        self.id = id
        self.label = label
        self.timestamps = QueryList(timestamps)
        self.values = QueryList(values)
        self.statusCode = statusCode
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.id == rhs.id && lhs.label == rhs.label && lhs.statusCode == rhs.statusCode
            && lhs.timestamps.member == rhs.timestamps.member && lhs.values.member == rhs.values.member
    }
}

/// One data point for PutMetricData.
public struct MetricDatum: Sendable, Equatable {
    public var metricName: String
    public var dimensions: [Dimension]
    public var value: Double
    public var unit: String?
    public var timestamp: Date?

    /// A data point.
    public init(metricName: String, dimensions: [Dimension] = [], value: Double, unit: String? = nil, timestamp: Date? = nil) {
        self.metricName = metricName
        self.dimensions = dimensions
        self.value = value
        self.unit = unit
        self.timestamp = timestamp
    }
}

struct GetMetricDataPage: Decodable, Sendable {
    var metricDataResults: QueryList<MetricDataResult>
    var nextToken: String?
}

extension QueryParameters {
    /// Adds dimensions as `Name.member.N.Name` / `Value`.
    mutating func set(_ name: String, dimensions: [Dimension]) {
        set(name, list: dimensions) { fields, dimension in
            fields.set("Name", dimension.name)
            fields.set("Value", dimension.value)
        }
    }

    /// Adds a timestamp in ISO 8601 (UTC).
    mutating func set(_ name: String, date: Date?) {
        set(name, date.map { $0.formatted(.iso8601) })
    }
}
