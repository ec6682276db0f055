/// How much an event matters to the person reading the output.
package enum EventLevel: String, Sendable, Codable, Comparable {
    case debug, info, success, warning, error

    private var rank: Int {
        switch self {
        case .debug: 0
        case .info: 1
        case .success: 2
        case .warning: 3
        case .error: 4
        }
    }

    package static func < (lhs: EventLevel, rhs: EventLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A typed event that an engine emits instead of printing.
///
/// Each engine defines its own event types. The CLI picks a renderer: a console one (colour and
/// progress on a TTY, plain lines otherwise) or a JSON-lines one for machines, which encodes the
/// event's own fields under its `kind`.
package protocol FerryEvent: Sendable, Encodable {
    /// A stable, dotted name for machines, e.g. `doctor.check`.
    var kind: String { get }
    /// How much it matters.
    var level: EventLevel { get }
    /// One line for people, without colour codes.
    var message: String { get }
    /// Indented detail lines for people (a fix, a command to run); empty by default.
    var details: [String] { get }
}

extension FerryEvent {
    package var details: [String] { [] }
}

/// Receives events from engines. Implementations must be safe to call from any task.
package protocol EventSink: Sendable {
    func emit(_ event: any FerryEvent)
}

/// Drops every event: for engines run where nobody is watching.
package struct NullEventSink: EventSink {
    package init() {}
    package func emit(_ event: any FerryEvent) {}
}
