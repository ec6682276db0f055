/// How the concise console (the default without `--verbose`) shows one event.
///
/// Concise output says each change once and each phase in one summary line; the detailed output
/// (`--verbose`) shows every event as it is.
package enum ConciseForm: Sendable, Equatable {
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
package protocol ConcisePresenter: Sendable {
    /// The concise form of `event`.
    func form(of event: any FerryEvent) -> ConciseForm
}

/// Shows every event in full: the detailed output.
package struct DetailedPresenter: ConcisePresenter {
    package init() {}
    package func form(of event: any FerryEvent) -> ConciseForm { .full }
}
