import AWSServices
import Foundation

/// Moves aliases (UpdateAlias in AWS; a fake in unit tests).
package protocol AliasRouter: Sendable {
    /// Points `alias` of `functionName` at `version`, with `weights` (version → 0...1) routed to
    /// other versions; empty `weights` removes any routing.
    func route(functionName: String, alias: String, version: String, weights: [String: Double]) async throws
}

/// Reads what the shift watches (DescribeAlarms and GetMetricData in AWS; a fake in unit tests).
package protocol TrafficWatch: Sendable {
    /// The state of each named alarm (`OK`, `ALARM`, `INSUFFICIENT_DATA`), by name; a name
    /// CloudWatch does not know is absent.
    func alarmStates(_ names: [String]) async throws -> [String: String]
    /// The number of errors (`AWS/Lambda` `Errors`, Sum) of one version of a function, invoked
    /// through `alias`, since `start`.
    func errors(functionName: String, alias: String, version: String, since start: Date) async throws -> Double
}

/// Waits between steps: the real clock in the CLI, an instant one in unit tests.
package protocol TrafficClock: Sendable {
    /// Waits `duration` (throws `CancellationError` when the task is cancelled).
    func sleep(for duration: Duration) async throws
}

/// The real clock.
package struct ContinuousTrafficClock: TrafficClock {
    /// The clock.
    package init() {}

    package func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

/// UpdateAlias with `RoutingConfig.AdditionalVersionWeights`.
package struct LambdaAliasRouter: AliasRouter {
    /// The Lambda client.
    package let lambda: Lambda

    /// A router calling `lambda`.
    package init(lambda: Lambda) { self.lambda = lambda }

    package func route(functionName: String, alias: String, version: String, weights: [String: Double]) async throws {
        _ = try await lambda.updateAlias(
            functionName, name: alias, functionVersion: version,
            routingConfig: AliasRoutingConfiguration(additionalVersionWeights: weights))
    }
}

/// CloudWatch DescribeAlarms and the `AWS/Lambda` `Errors` metric per executed version.
package struct CloudWatchTrafficWatch: TrafficWatch {
    /// The CloudWatch client.
    package let cloudWatch: CloudWatch

    /// A watch calling `cloudWatch`.
    package init(cloudWatch: CloudWatch) { self.cloudWatch = cloudWatch }

    package func alarmStates(_ names: [String]) async throws -> [String: String] {
        guard !names.isEmpty else { return [:] }
        var states: [String: String] = [:]
        for alarm in try await cloudWatch.describeAlarms(names: names) {
            states[alarm.alarmName] = alarm.stateValue ?? "INSUFFICIENT_DATA"
        }
        return states
    }

    /// Lambda publishes a version's errors under alias invocations with the dimensions
    /// `FunctionName`, `Resource` (`name:alias`) and `ExecutedVersion`; both that set and
    /// `FunctionName` + `ExecutedVersion` are read, and the larger sum counts (never both added).
    package func errors(functionName: String, alias: String, version: String, since start: Date) async throws -> Double {
        let name = Dimension(name: "FunctionName", value: functionName)
        let executed = Dimension(name: "ExecutedVersion", value: version)
        let queries = [
            MetricDataQuery(id: "withAlias", namespace: "AWS/Lambda", metricName: "Errors",
                            dimensions: [name, Dimension(name: "Resource", value: "\(functionName):\(alias)"), executed],
                            period: 60, stat: "Sum"),
            MetricDataQuery(id: "byVersion", namespace: "AWS/Lambda", metricName: "Errors", dimensions: [name, executed],
                            period: 60, stat: "Sum"),
        ]
        // Whole minutes around the window, so the data point of the minute the shift started counts.
        let from = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let results = try await cloudWatch.getMetricData(queries, start: from, end: Date().addingTimeInterval(60))
        return results.map { $0.values.member.reduce(0, +) }.max() ?? 0
    }
}
