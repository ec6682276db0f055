import AWSServices
import Foundation

/// One log event of one function, as `ferry logs` shows it.
public struct TaggedLogEvent: Sendable, Equatable, Encodable {
    /// The function's display name (`Handler`, `Api/Handler`).
    public var function: String
    /// The log group it came from.
    public var logGroupName: String
    public var logStreamName: String?
    /// Milliseconds since 1970.
    public var timestamp: Int64
    public var message: String
    public var eventId: String?

    /// An event.
    public init(function: String, logGroupName: String, logStreamName: String? = nil, timestamp: Int64, message: String,
                eventId: String? = nil) {
        self.function = function
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.timestamp = timestamp
        self.message = message
        self.eventId = eventId
    }

    /// A FilterLogEvents event of `function`.
    public init(_ event: FilteredLogEvent, function: StackFunction) {
        self.init(function: function.displayName, logGroupName: function.logGroupName, logStreamName: event.logStreamName,
                  timestamp: event.timestamp ?? 0, message: event.message ?? "", eventId: event.eventId)
    }
}

/// Merges the events of several log groups into one time-ordered list.
public enum LogEventMerge {
    /// All events ordered by timestamp; equal timestamps keep the order of `groups`, then the
    /// order within their group. Each group should already be in time order.
    public static func merge(_ groups: [[TaggedLogEvent]]) -> [TaggedLogEvent] {
        var keyed: [(timestamp: Int64, group: Int, position: Int, event: TaggedLogEvent)] = []
        for (group, events) in groups.enumerated() {
            for (position, event) in events.enumerated() {
                keyed.append((event.timestamp, group, position, event))
            }
        }
        keyed.sort { ($0.timestamp, $0.group, $0.position) < ($1.timestamp, $1.group, $1.position) }
        return keyed.map(\.event)
    }
}
