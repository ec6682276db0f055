// The pure part of debouncing: changes collected with the time they were seen.

/// Changes waiting for a quiet moment: the paths, when the first arrived (where a cycle's latency
/// starts) and when the last did (where the quiet period starts).
public struct DebounceBuffer<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Changes taken out of the buffer, with the moment the first of them was seen.
    public struct Taken: Sendable {
        /// The changed paths.
        public let changes: FileChangeBatch
        /// When the first of them was seen.
        public let firstSeen: Instant
    }

    /// The changes so far.
    public private(set) var pending = FileChangeBatch()
    /// When the first pending change was seen; nil when nothing is pending.
    public private(set) var firstSeen: Instant?
    /// When the last pending change was seen.
    public private(set) var lastSeen: Instant?

    /// An empty buffer.
    public init() {}

    /// Adds `batch`, seen at `instant`; an empty batch changes nothing.
    public mutating func add(_ batch: FileChangeBatch, at instant: Instant) {
        guard !batch.isEmpty else { return }
        pending.merge(batch)
        if firstSeen == nil { firstSeen = instant }
        lastSeen = instant
    }

    /// When the pending changes become due (the last one plus `quiet`); nil when none are pending.
    public func deadline(quiet: Duration) -> Instant? {
        lastSeen?.advanced(by: quiet)
    }

    /// Takes the pending changes when `quiet` has passed since the last one at `now`; else nil.
    public mutating func take(at now: Instant, quiet: Duration) -> Taken? {
        guard let deadline = deadline(quiet: quiet), let firstSeen, now >= deadline else { return nil }
        let taken = Taken(changes: pending, firstSeen: firstSeen)
        self = DebounceBuffer()
        return taken
    }
}
