import Foundation
import Reporting

/// One log line of one function (`logs.line`).
public struct LogLineEvent: FerryEvent {
    /// The event, tagged with its function.
    public let line: TaggedLogEvent

    /// An event for `line`.
    public init(line: TaggedLogEvent) { self.line = line }

    public var kind: String { "logs.line" }
    public var level: EventLevel { .info }
    /// `FUNCTION  TIME  MESSAGE` without colour.
    public var message: String { "\(line.function)  \(timeText)  \(trimmedMessage)" }

    /// The time in ISO 8601 with milliseconds (UTC).
    public var timeText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(line.timestamp) / 1000))
    }

    /// The message without its trailing newline (Lambda ends most lines with one).
    public var trimmedMessage: String {
        var text = Substring(line.message)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }

    private enum CodingKeys: String, CodingKey { case function, logGroupName, logStreamName, timestamp, message, eventId }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line.function, forKey: .function)
        try container.encode(line.logGroupName, forKey: .logGroupName)
        try container.encodeIfPresent(line.logStreamName, forKey: .logStreamName)
        try container.encode(line.timestamp, forKey: .timestamp)
        try container.encode(line.message, forKey: .message)
        try container.encodeIfPresent(line.eventId, forKey: .eventId)
    }
}

/// A function's log group does not exist yet (`logs.no-logs`): it has not run, or not logged.
public struct LogGroupMissingEvent: FerryEvent {
    /// The function's display name.
    public let function: String
    /// The log group looked for.
    public let logGroupName: String

    /// An event.
    public init(function: String, logGroupName: String) {
        self.function = function
        self.logGroupName = logGroupName
    }

    public var kind: String { "logs.no-logs" }
    public var level: EventLevel { .info }
    public var message: String { "no logs yet for \(function) (\(logGroupName) does not exist)" }
}

/// `ferry logs --follow` is now watching (`logs.following`).
public struct LogsFollowingEvent: FerryEvent {
    /// The functions followed.
    public let functions: [String]

    /// An event.
    public init(functions: [String]) { self.functions = functions }

    public var kind: String { "logs.following" }
    public var level: EventLevel { .info }
    public var message: String { "following \(functions.joined(separator: ", ")); Ctrl-C stops" }
}
