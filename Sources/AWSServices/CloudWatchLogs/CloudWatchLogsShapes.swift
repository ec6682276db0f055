import Foundation

/// A log group (DescribeLogGroups).
public struct LogGroup: Decodable, Sendable, Equatable {
    public var logGroupName: String?
    /// Milliseconds since 1970.
    public var creationTime: Int64?
    public var retentionInDays: Int?
    public var arn: String?
    public var storedBytes: Int64?
    public var kmsKeyId: String?
    public var logGroupClass: String?
}

/// One log event that matched a filter (FilterLogEvents).
public struct FilteredLogEvent: Decodable, Sendable, Equatable {
    public var logStreamName: String?
    /// Milliseconds since 1970.
    public var timestamp: Int64?
    public var message: String?
    public var ingestionTime: Int64?
    public var eventId: String?
}

/// One event for PutLogEvents.
public struct InputLogEvent: Encodable, Sendable, Equatable {
    /// Milliseconds since 1970.
    public var timestamp: Int64
    public var message: String

    /// An event at `timestamp` milliseconds since 1970.
    public init(timestamp: Int64, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// What FilterLogEvents looks for.
public struct LogEventFilter: Sendable, Equatable {
    public var logGroupName: String
    public var logStreamNames: [String]?
    public var logStreamNamePrefix: String?
    /// Milliseconds since 1970, inclusive.
    public var startTime: Int64?
    /// Milliseconds since 1970, inclusive.
    public var endTime: Int64?
    /// CloudWatch Logs filter pattern syntax.
    public var filterPattern: String?

    /// A filter over one log group.
    public init(logGroupName: String, startTime: Int64? = nil, endTime: Int64? = nil, filterPattern: String? = nil) {
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
