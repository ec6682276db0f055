import Foundation
import Reporting

/// One log line of one function (`logs.line`).
package struct LogLineEvent: FerryEvent {
    /// The event, tagged with its function.
    package let line: TaggedLogEvent

    /// An event for `line`.
    package init(line: TaggedLogEvent) { self.line = line }

    package var kind: String { "logs.line" }
    package var level: EventLevel { .info }
    /// `FUNCTION  TIME  MESSAGE` without colour.
    package var message: String { "\(line.function)  \(timeText)  \(trimmedMessage)" }

    /// The time in ISO 8601 with milliseconds (UTC).
    package var timeText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(line.timestamp) / 1000))
    }

    /// The message without its trailing newline (Lambda ends most lines with one).
    package var trimmedMessage: String {
        var text = Substring(line.message)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }

    private enum CodingKeys: String, CodingKey { case function, logGroupName, logStreamName, timestamp, message, eventId }

    package func encode(to encoder: any Encoder) throws {
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
package struct LogGroupMissingEvent: FerryEvent {
    /// The function's display name.
    package let function: String
    /// The log group looked for.
    package let logGroupName: String

    /// An event.
    package init(function: String, logGroupName: String) {
        self.function = function
        self.logGroupName = logGroupName
    }

    package var kind: String { "logs.no-logs" }
    package var level: EventLevel { .info }
    package var message: String { "no logs yet for \(function) (\(logGroupName) does not exist)" }
}

/// `ferry logs --follow` is now watching (`logs.following`).
package struct LogsFollowingEvent: FerryEvent {
    /// The functions followed.
    package let functions: [String]

    /// An event.
    package init(functions: [String]) { self.functions = functions }

    package var kind: String { "logs.following" }
    package var level: EventLevel { .info }
    package var message: String { "following \(functions.joined(separator: ", ")); Ctrl-C stops" }
}
