import AWSServices
import Foundation

/// Where `ferry logs --follow` asks from next in one log group, and which events it already showed.
///
/// Each poll asks FilterLogEvents from the newest timestamp seen so far (inclusive, so events
/// written in the same millisecond are not lost) and drops events already shown, by `eventId`.
package struct LogFollowCursor: Sendable, Equatable {
    /// The next poll's start time, milliseconds since 1970.
    package private(set) var startTime: Int64
    /// The events already shown at `startTime` (only those can come back).
    private var shownAtStart: Set<String>

    /// A cursor that starts at `startTime`.
    package init(startTime: Int64) {
        self.startTime = startTime
        shownAtStart = []
    }

    /// The events of one poll not shown before, in the order given; moves the cursor past them.
    package mutating func accept(_ events: [FilteredLogEvent]) -> [FilteredLogEvent] {
        var fresh: [FilteredLogEvent] = []
        var batchIDs: Set<String> = []
        for event in events {
            let id = Self.identity(event)
            let timestamp = event.timestamp ?? 0
            if timestamp < startTime || (timestamp == startTime && shownAtStart.contains(id)) || batchIDs.contains(id) { continue }
            batchIDs.insert(id)
            fresh.append(event)
        }
        for event in fresh {
            let timestamp = event.timestamp ?? 0
            if timestamp > startTime {
                startTime = timestamp
                shownAtStart = []
            }
            if timestamp == startTime { shownAtStart.insert(Self.identity(event)) }
        }
        return fresh
    }

    /// The event ID, or stream, time and message when the service gave none.
    static func identity(_ event: FilteredLogEvent) -> String {
        event.eventId ?? "\(event.logStreamName ?? "")|\(event.timestamp ?? 0)|\(event.message ?? "")"
    }
}
