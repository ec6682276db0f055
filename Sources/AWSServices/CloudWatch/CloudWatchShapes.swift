import AWSCore
import Foundation

/// A metric dimension (`FunctionName=my-fn`).
package struct Dimension: Codable, Sendable, Equatable, Hashable {
    package var name: String
    package var value: String

    /// A dimension.
    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One query of GetMetricData: a statistic of one metric over periods, or a metric-math expression.
package struct MetricDataQuery: Sendable, Equatable {
    /// A short ID unique in the request (starts with a lower-case letter).
    package var id: String
    package var namespace: String?
    package var metricName: String?
    package var dimensions: [Dimension]
    /// Seconds per data point (60, 300, ...).
    package var period: Int?
    /// `Sum`, `Average`, `Maximum`, `p99`, ...
    package var stat: String?
    package var unit: String?
    /// A metric-math expression instead of a metric.
    package var expression: String?
    package var label: String?
    package var returnData: Bool?

    /// A statistic of one metric.
    package init(id: String, namespace: String, metricName: String, dimensions: [Dimension] = [], period: Int, stat: String) {
        self.id = id
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.period = period
        self.stat = stat
    }

    /// A metric-math expression over other queries' IDs.
    package init(id: String, expression: String, label: String? = nil, period: Int? = nil) {
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
package struct MetricDataResult: Decodable, Sendable, Equatable {
    package var id: String?
    package var label: String?
    package var timestamps: QueryList<Date>
    package var values: QueryList<Double>
    /// `Complete`, `InternalError`, `PartialData`, `Forbidden`.
    package var statusCode: String?

    /// A result with these points (for fakes and tests).
    package init(id: String?, label: String? = nil, timestamps: [Date], values: [Double], statusCode: String? = "Complete") {
        self.id = id
        self.label = label
        self.timestamps = QueryList(timestamps)
        self.values = QueryList(values)
        self.statusCode = statusCode
    }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.id == rhs.id && lhs.label == rhs.label && lhs.statusCode == rhs.statusCode
            && lhs.timestamps.member == rhs.timestamps.member && lhs.values.member == rhs.values.member
    }
}

/// One data point for PutMetricData.
package struct MetricDatum: Sendable, Equatable {
    package var metricName: String
    package var dimensions: [Dimension]
    package var value: Double
    package var unit: String?
    package var timestamp: Date?

    /// A data point.
    package init(metricName: String, dimensions: [Dimension] = [], value: Double, unit: String? = nil, timestamp: Date? = nil) {
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
