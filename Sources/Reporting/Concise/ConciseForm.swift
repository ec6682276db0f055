/// How the concise console (the default without `--verbose`) shows one event.
///
/// Concise output says each change once and each phase in one summary line; the detailed output
/// (`--verbose`) shows every event as it is.
public enum ConciseForm: Sendable, Equatable {
    /// As in the detailed output: the message and every detail line.
    case full
    /// The message with only these detail lines.
    case message(details: [String])
    /// Another line for people in place of the message, with these detail lines.
    case line(String, details: [String])
    /// Not shown; `--verbose` shows it.
    case hidden
}

/// Decides the concise form of each event. The CLI implements it: it knows the engines' event
/// types and which command runs.
public protocol ConcisePresenter: Sendable {
    /// The concise form of `event`.
    func form(of event: any FerryEvent) -> ConciseForm
}

/// Shows every event in full: the detailed output.
public struct DetailedPresenter: ConcisePresenter {
    public init() {}
    public func form(of event: any FerryEvent) -> ConciseForm { .full }
}
