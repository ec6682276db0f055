import AWSCore
import Foundation

/// Amazon CloudWatch metrics: reading data points and (for tests) writing them.
package struct CloudWatch: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// The most queries one GetMetricData call accepts.
    package static let maximumQueriesPerCall = 500

    /// A CloudWatch client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// Data points for every query between `start` and `end` (GetMetricData), sent in batches of
    /// 500 queries, every page followed; the points of one query are merged across pages.
    package func getMetricData(_ queries: [MetricDataQuery], start: Date, end: Date) async throws -> [MetricDataResult] {
        var merged: [MetricDataResult] = []
        var indexByID: [String: Int] = [:]
        for batchStart in stride(from: 0, to: queries.count, by: Self.maximumQueriesPerCall) {
            let batch = queries[batchStart..<min(batchStart + Self.maximumQueriesPerCall, queries.count)]
            let results = try await paginate(operation: "GetMetricData") { token in
                var parameters = QueryParameters()
                parameters.set("MetricDataQueries", list: Array(batch)) { fields, query in query.add(to: &fields) }
                parameters.set("StartTime", date: start)
                parameters.set("EndTime", date: end)
                parameters.set("NextToken", token)
                let page: GetMetricDataPage = try await client.query(
                    .cloudWatch, action: "GetMetricData", parameters: parameters.values)
                return page
            } items: { $0.metricDataResults.member } nextToken: { $0.nextToken }
            for result in results {
                if let id = result.id, let index = indexByID[id] {
                    merged[index].timestamps.member += result.timestamps.member
                    merged[index].values.member += result.values.member
                } else {
                    if let id = result.id { indexByID[id] = merged.count }
                    merged.append(result)
                }
            }
        }
        return merged
    }

    /// Writes data points into a namespace (PutMetricData), 1,000 per call.
    package func putMetricData(namespace: String, _ data: [MetricDatum]) async throws {
        for start in stride(from: 0, to: data.count, by: 1000) {
            var parameters = QueryParameters()
            parameters.set("Namespace", namespace)
            parameters.set("MetricData", list: Array(data[start..<min(start + 1000, data.count)])) { fields, datum in
                fields.set("MetricName", datum.metricName)
                fields.set("Dimensions", dimensions: datum.dimensions)
                fields.set("Value", datum.value)
                fields.set("Unit", datum.unit)
                fields.set("Timestamp", date: datum.timestamp)
            }
            try await client.query(.cloudWatch, action: "PutMetricData", parameters: parameters.values)
        }
    }
}
