import AWSCore
import Foundation

/// Amazon CloudWatch Logs: finding log groups and reading (for tests, writing) their events.
package struct CloudWatchLogs: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// A CloudWatch Logs client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// Every log group whose name starts with `prefix`, all pages (DescribeLogGroups).
    package func describeLogGroups(prefix: String? = nil) async throws -> [LogGroup] {
        try await paginate(operation: "DescribeLogGroups") { token in
            let page: DescribeLogGroupsPage = try await client.json(
                .cloudWatchLogs, operation: "DescribeLogGroups",
                input: DescribeLogGroupsRequest(logGroupNamePrefix: prefix, nextToken: token))
            return page
        } items: { $0.logGroups ?? [] } nextToken: { $0.nextToken }
    }

    /// Every event matching `filter`, interleaved across streams in time order, all pages (FilterLogEvents).
    package func filterLogEvents(_ filter: LogEventFilter) async throws -> [FilteredLogEvent] {
        let events: [FilteredLogEvent] = try await paginate(operation: "FilterLogEvents") { token in
            let request = FilterLogEventsRequest(
                logGroupName: filter.logGroupName, logStreamNames: filter.logStreamNames,
                logStreamNamePrefix: filter.logStreamNamePrefix, startTime: filter.startTime, endTime: filter.endTime,
                filterPattern: filter.filterPattern, nextToken: token, interleaved: true)
            let page: FilterLogEventsPage = try await client.json(.cloudWatchLogs, operation: "FilterLogEvents", input: request)
            return page
        } items: { $0.events ?? [] } nextToken: { $0.nextToken }
        return Self.interleaved(events)
    }

    /// Events in time order; events with the same time keep the order they came in.
    static func interleaved(_ events: [FilteredLogEvent]) -> [FilteredLogEvent] {
        let numbered: [(offset: Int, element: FilteredLogEvent)] = Array(events.enumerated())
        let sorted = numbered.sorted { lhs, rhs in
            (lhs.element.timestamp ?? 0, lhs.offset) < (rhs.element.timestamp ?? 0, rhs.offset)
        }
        return sorted.map { $0.element }
    }

    /// Creates a log group (CreateLogGroup).
    package func createLogGroup(_ logGroupName: String) async throws {
        let _: EmptyOutput = try await client.json(
            .cloudWatchLogs, operation: "CreateLogGroup", input: CreateLogGroupRequest(logGroupName: logGroupName))
    }

    /// Creates a log stream in a group (CreateLogStream).
    package func createLogStream(logGroupName: String, logStreamName: String) async throws {
        let _: EmptyOutput = try await client.json(
            .cloudWatchLogs, operation: "CreateLogStream",
            input: CreateLogStreamRequest(logGroupName: logGroupName, logStreamName: logStreamName))
    }

    /// Writes events to a stream (PutLogEvents); they are sorted by time first, as the API requires.
    package func putLogEvents(logGroupName: String, logStreamName: String, events: [InputLogEvent]) async throws {
        let numbered: [(offset: Int, element: InputLogEvent)] = Array(events.enumerated())
        let sorted = numbered.sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map { $0.element }
        let _: EmptyOutput = try await client.json(
            .cloudWatchLogs, operation: "PutLogEvents",
            input: PutLogEventsRequest(logGroupName: logGroupName, logStreamName: logStreamName, logEvents: sorted))
    }

    /// Whether an error says the log group or stream does not exist.
    package static func isResourceNotFound(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "ResourceNotFoundException"
    }

    /// Whether an error says the log group or stream already exists.
    package static func isResourceAlreadyExists(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "ResourceAlreadyExistsException"
    }
}
