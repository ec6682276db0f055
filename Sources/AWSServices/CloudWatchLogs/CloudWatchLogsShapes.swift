import Foundation

/// A log group (DescribeLogGroups).
package struct LogGroup: Decodable, Sendable, Equatable {
    package var logGroupName: String?
    /// Milliseconds since 1970.
    package var creationTime: Int64?
    package var retentionInDays: Int?
    package var arn: String?
    package var storedBytes: Int64?
    package var kmsKeyId: String?
    package var logGroupClass: String?
}

/// One log event that matched a filter (FilterLogEvents).
package struct FilteredLogEvent: Decodable, Sendable, Equatable {
    package var logStreamName: String?
    /// Milliseconds since 1970.
    package var timestamp: Int64?
    package var message: String?
    package var ingestionTime: Int64?
    package var eventId: String?
}

/// One event for PutLogEvents.
package struct InputLogEvent: Encodable, Sendable, Equatable {
    /// Milliseconds since 1970.
    package var timestamp: Int64
    package var message: String

    /// An event at `timestamp` milliseconds since 1970.
    package init(timestamp: Int64, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// What FilterLogEvents looks for.
package struct LogEventFilter: Sendable, Equatable {
    package var logGroupName: String
    package var logStreamNames: [String]?
    package var logStreamNamePrefix: String?
    /// Milliseconds since 1970, inclusive.
    package var startTime: Int64?
    /// Milliseconds since 1970, inclusive.
    package var endTime: Int64?
    /// CloudWatch Logs filter pattern syntax.
    package var filterPattern: String?

    /// A filter over one log group.
    package init(logGroupName: String, startTime: Int64? = nil, endTime: Int64? = nil, filterPattern: String? = nil) {
        self.logGroupName = logGroupName
        self.startTime = startTime
        self.endTime = endTime
        self.filterPattern = filterPattern
    }
}

struct DescribeLogGroupsRequest: Encodable, Sendable {
    var logGroupNamePrefix: String?
    var nextToken: String?
}

struct DescribeLogGroupsPage: Decodable, Sendable {
    var logGroups: [LogGroup]?
    var nextToken: String?
}

struct FilterLogEventsRequest: Encodable, Sendable {
    var logGroupName: String
    var logStreamNames: [String]?
    var logStreamNamePrefix: String?
    var startTime: Int64?
    var endTime: Int64?
    var filterPattern: String?
    var nextToken: String?
    var interleaved: Bool?
}

struct FilterLogEventsPage: Decodable, Sendable {
    var events: [FilteredLogEvent]?
    var nextToken: String?
}

struct CreateLogGroupRequest: Encodable, Sendable {
    var logGroupName: String
}

struct CreateLogStreamRequest: Encodable, Sendable {
    var logGroupName: String
    var logStreamName: String
}

struct PutLogEventsRequest: Encodable, Sendable {
    var logGroupName: String
    var logStreamName: String
    var logEvents: [InputLogEvent]
}

/// An empty JSON answer (`{}`), for calls whose output carries nothing needed.
struct EmptyOutput: Decodable, Sendable {}
