import AWSCore
import Foundation

/// A metric alarm's name and state (DescribeAlarms).
package struct MetricAlarm: Decodable, Sendable, Equatable {
    package var alarmName: String
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA`.
    package var stateValue: String?
    /// Why the alarm is in its state, in CloudWatch's words.
    package var stateReason: String?

    /// An alarm (for fakes and tests).
    package init(alarmName: String, stateValue: String?, stateReason: String? = nil) {
        self.alarmName = alarmName
        self.stateValue = stateValue
        self.stateReason = stateReason
    }
}

struct DescribeAlarmsPage: Decodable, Sendable {
    var metricAlarms: QueryList<MetricAlarm>
    var nextToken: String?
}

extension CloudWatch {
    /// The metric alarms with these names (DescribeAlarms, every page); an unknown name is simply absent.
    package func describeAlarms(names: [String]) async throws -> [MetricAlarm] {
        var alarms: [MetricAlarm] = []
        // DescribeAlarms takes at most 100 names per call.
        for start in stride(from: 0, to: names.count, by: 100) {
            let batch = Array(names[start..<min(start + 100, names.count)])
            alarms += try await paginate(operation: "DescribeAlarms") { token in
                var parameters = QueryParameters()
                parameters.set("AlarmNames", list: batch)
                parameters.set("NextToken", token)
                let page: DescribeAlarmsPage = try await client.query(
                    .cloudWatch, action: "DescribeAlarms", parameters: parameters.values)
                return page
            } items: { $0.metricAlarms.member } nextToken: { $0.nextToken }
        }
        return alarms
    }

    /// Sets an alarm's state until its next evaluation (SetAlarmState; used by tests and drills).
    package func setAlarmState(_ alarmName: String, state: String, reason: String) async throws {
        var parameters = QueryParameters()
        parameters.set("AlarmName", alarmName)
        parameters.set("StateValue", state)
        parameters.set("StateReason", reason)
        try await client.query(.cloudWatch, action: "SetAlarmState", parameters: parameters.values)
    }

    /// Creates or replaces a metric alarm on one metric (PutMetricAlarm; used by tests and drills).
    package func putMetricAlarm(_ alarmName: String, namespace: String, metricName: String, dimensions: [Dimension] = [],
                               statistic: String = "Sum", period: Int = 60, threshold: Double,
                               comparison: String = "GreaterThanOrEqualToThreshold") async throws {
        var parameters = QueryParameters()
        parameters.set("AlarmName", alarmName)
        parameters.set("Namespace", namespace)
        parameters.set("MetricName", metricName)
        parameters.set("Dimensions", dimensions: dimensions)
        parameters.set("Statistic", statistic)
        parameters.set("Period", period)
        parameters.set("EvaluationPeriods", 1)
        parameters.set("Threshold", threshold)
        parameters.set("ComparisonOperator", comparison)
        try await client.query(.cloudWatch, action: "PutMetricAlarm", parameters: parameters.values)
    }
}
