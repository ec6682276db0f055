// The pure part of debouncing: changes collected with the time they were seen.

/// Changes waiting for a quiet moment: the paths, when the first arrived (where a cycle's latency
/// starts) and when the last did (where the quiet period starts).
package struct DebounceBuffer<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Changes taken out of the buffer, with the moment the first of them was seen.
    package struct Taken: Sendable {
        /// The changed paths.
        package let changes: FileChangeBatch
        /// When the first of them was seen.
        package let firstSeen: Instant
    }

    /// The changes so far.
    package private(set) var pending = FileChangeBatch()
    /// When the first pending change was seen; nil when nothing is pending.
    package private(set) var firstSeen: Instant?
    /// When the last pending change was seen.
    package private(set) var lastSeen: Instant?

    /// An empty buffer.
    package init() {}

    /// Adds `batch`, seen at `instant`; an empty batch changes nothing.
    package mutating func add(_ batch: FileChangeBatch, at instant: Instant) {
        guard !batch.isEmpty else { return }
        pending.merge(batch)
        if firstSeen == nil { firstSeen = instant }
        lastSeen = instant
    }

    /// When the pending changes become due (the last one plus `quiet`); nil when none are pending.
    package func deadline(quiet: Duration) -> Instant? {
        lastSeen?.advanced(by: quiet)
    }

    /// Takes the pending changes when `quiet` has passed since the last one at `now`; else nil.
    package mutating func take(at now: Instant, quiet: Duration) -> Taken? {
        guard let deadline = deadline(quiet: quiet), let firstSeen, now >= deadline else { return nil }
        let taken = Taken(changes: pending, firstSeen: firstSeen)
        self = DebounceBuffer()
        return taken
    }
}
