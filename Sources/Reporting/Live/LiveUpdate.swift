/// One change to the live region a terminal shows while a command runs (see ``LiveRegionState``).
///
/// Engines never speak of the region: the CLI's ``LivePresenter`` reads their events and says
/// which updates they mean. A phase is named as people say it (`build`, `package`, `deploy`,
/// `hot-swap`); a task by an identifier unique within its phase.
package enum LiveUpdate: Sendable, Equatable {
    /// The phase runs (it appears in the region); `total` when the number of its tasks is known.
    case phaseStarted(phase: String, total: Int?)
    /// The phase has this many tasks in all; a total never shrinks.
    case total(phase: String, total: Int)
    /// A task of the phase is in flight: one line, `label` (`building HelloFunction`).
    case taskStarted(phase: String, id: String, label: String)
    /// A task of the phase is done (whether or not it was seen starting); `bytes` it moved.
    case taskFinished(phase: String, id: String, bytes: UInt64)
    /// A task of the phase left the region without counting as done (a step, not a unit of work).
    case taskEnded(phase: String, id: String)
    /// The phase's own count of work done out of its total; neither goes backwards.
    case progress(phase: String, done: Int, total: Int)
    /// Work of the phase done without a task line (cached artifacts, objects already there).
    case counted(phase: String, count: Int)
    /// A stack of a deploy: its path from the root (empty for the root, `Child`, `Child/Grand`),
    /// the name shown for it, its status (empty: unchanged) and its resources done out of those the change set
    /// touches; counts never go backwards.
    case stack(phase: String, path: String, name: String, status: String, done: Int, total: Int)
    /// The phase ended: it leaves the region (its summary line is printed above it).
    case phaseFinished(phase: String)
}

/// What the live region makes of one event: its updates, and whether the region says the event
/// so well that its line is not printed above it (warnings and errors are always printed).
package struct LiveReading: Sendable, Equatable {
    /// The updates, in order.
    package var updates: [LiveUpdate]
    /// True when the event's line is left out of the output above the region.
    package var absorbed: Bool

    /// A reading.
    package init(updates: [LiveUpdate] = [], absorbed: Bool = false) {
        self.updates = updates
        self.absorbed = absorbed
    }

    /// Nothing for the region; the event is printed as usual.
    package static let none = LiveReading()
}

/// Reads engine events for the live region. The CLI implements it: it knows the engines' events.
package protocol LivePresenter: Sendable {
    /// The region's reading of `event`.
    func reading(of event: any FerryEvent) -> LiveReading
}
