/// What the live region knows: the phases running, their counts and bytes, the tasks in flight
/// and, for a deploy, each stack's status and progress. A value: ``applying(_:at:)`` returns the
/// next state, so the frame a person sees is a function of the events so far.
package struct LiveRegionState: Sendable, Equatable {
    /// A task in flight.
    package struct Task: Sendable, Equatable {
        /// Unique within its phase.
        package var id: String
        /// The line people read (`building HelloFunction`).
        package var label: String
        /// When it started (seconds on the renderer's clock).
        package var startedAt: Double
    }

    /// A stack of a deploy.
    package struct Stack: Sendable, Equatable {
        /// Empty for the root, `Child`, `Child/Grand`.
        package var path: String
        /// The name shown (the root stack's name, a nested stack's logical ID).
        package var name: String
        /// The latest status (`UPDATE_IN_PROGRESS`).
        package var status: String
        /// Resources done; never goes backwards.
        package var done: Int
        /// Resources the change set touches; never shrinks.
        package var total: Int
    }

    /// A running phase.
    package struct Phase: Sendable, Equatable {
        /// `build`, `package`, `deploy`, `hot-swap`.
        package var name: String
        /// When it started.
        package var startedAt: Double
        /// Tasks done (or counted); never goes backwards.
        package var done: Int = 0
        /// Tasks in all, when known; never shrinks.
        package var total: Int?
        /// Bytes moved by the tasks done.
        package var bytes: UInt64 = 0
        /// Tasks in flight, in the order they started.
        package var tasks: [Task] = []
        /// Stacks, in the order first seen.
        package var stacks: [Stack] = []
    }

    /// The running phases, in the order they started. A finished phase leaves.
    package private(set) var phases: [Phase] = []

    /// An empty region.
    package init() {}

    /// True when nothing runs: the region shows no line.
    package var isEmpty: Bool { phases.isEmpty }

    /// The state after `update`, received at `now`.
    package func applying(_ update: LiveUpdate, at now: Double) -> LiveRegionState {
        var next = self
        next.apply(update, at: now)
        return next
    }

    /// Applies `update`, received at `now`.
    package mutating func apply(_ update: LiveUpdate, at now: Double) {
        switch update {
        case .phaseStarted(let phase, let total):
            withPhase(phase, at: now) { if let total { $0.total = max($0.total ?? 0, total) } }
        case .total(let phase, let total):
            withPhase(phase, at: now) { $0.total = max($0.total ?? 0, total) }
        case .taskStarted(let phase, let id, let label):
            withPhase(phase, at: now) { phase in
                if let index = phase.tasks.firstIndex(where: { $0.id == id }) {
                    phase.tasks[index].label = label
                } else {
                    phase.tasks.append(Task(id: id, label: label, startedAt: now))
                }
            }
        case .taskFinished(let phase, let id, let bytes):
            withPhase(phase, at: now) { phase in
                phase.tasks.removeAll { $0.id == id }
                phase.done += 1
                phase.bytes += bytes
                if let total = phase.total, phase.done > total { phase.total = phase.done }
            }
        case .taskEnded(let phase, let id):
            withPhase(phase, at: now) { $0.tasks.removeAll { $0.id == id } }
        case .progress(let phase, let done, let total):
            withPhase(phase, at: now) { phase in
                phase.done = max(phase.done, done)
                phase.total = max(phase.total ?? 0, total, phase.done)
            }
        case .counted(let phase, let count):
            withPhase(phase, at: now) { phase in
                phase.done += max(0, count)
                if let total = phase.total, phase.done > total { phase.total = phase.done }
            }
        case .stack(let phase, let path, let name, let status, let done, let total):
            withPhase(phase, at: now) { phase in
                if let index = phase.stacks.firstIndex(where: { $0.path == path }) {
                    if !status.isEmpty { phase.stacks[index].status = status }
                    phase.stacks[index].done = max(phase.stacks[index].done, done)
                    phase.stacks[index].total = max(phase.stacks[index].total, total, phase.stacks[index].done)
                } else {
                    phase.stacks.append(Stack(path: path, name: name, status: status.isEmpty ? "IN_PROGRESS" : status, done: done, total: max(total, done)))
                }
            }
        case .phaseFinished(let phase):
            phases.removeAll { $0.name == phase }
        }
    }

    /// Changes the phase named `name`, starting it first when it is not running.
    private mutating func withPhase(_ name: String, at now: Double, _ change: (inout Phase) -> Void) {
        if let index = phases.firstIndex(where: { $0.name == name }) {
            change(&phases[index])
        } else {
            var phase = Phase(name: name, startedAt: now)
            change(&phase)
            phases.append(phase)
        }
    }
}
