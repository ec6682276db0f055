import AWSServices
import Foundation

/// One log event of one function, as `ferry logs` shows it.
package struct TaggedLogEvent: Sendable, Equatable, Encodable {
    /// The function's display name (`Handler`, `Api/Handler`).
    package var function: String
    /// The log group it came from.
    package var logGroupName: String
    package var logStreamName: String?
    /// Milliseconds since 1970.
    package var timestamp: Int64
    package var message: String
    package var eventId: String?

    /// An event.
    package init(function: String, logGroupName: String, logStreamName: String? = nil, timestamp: Int64, message: String,
                eventId: String? = nil) {
        self.function = function
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.timestamp = timestamp
        self.message = message
        self.eventId = eventId
    }

    /// A FilterLogEvents event of `function`.
    package init(_ event: FilteredLogEvent, function: StackFunction) {
        self.init(function: function.displayName, logGroupName: function.logGroupName, logStreamName: event.logStreamName,
                  timestamp: event.timestamp ?? 0, message: event.message ?? "", eventId: event.eventId)
    }
}

/// Merges the events of several log groups into one time-ordered list.
package enum LogEventMerge {
    /// All events ordered by timestamp; equal timestamps keep the order of `groups`, then the
    /// order within their group. Each group should already be in time order.
    package static func merge(_ groups: [[TaggedLogEvent]]) -> [TaggedLogEvent] {
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
