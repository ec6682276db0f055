// Coalesces bursts of file changes into one batch after a quiet period.

/// Collects change batches from a watcher and hands them out once `quiet` has passed without a
/// new change (editors write a file in several steps; a `git checkout` touches many at once).
///
/// The consumer pulls with `next()` when it is ready, so changes made while a cycle runs are
/// merged into the next batch: memory is bounded by the number of distinct paths.
package actor ChangeDebouncer<C: Clock> where C.Duration == Duration {
    /// The quiet period.
    package let quiet: Duration
    private let clock: C
    private var buffer = DebounceBuffer<C.Instant>()
    private var waiter: CheckedContinuation<Void, Never>?
    private var finished = false

    /// A debouncer that waits `quiet` on `clock`.
    package init(quiet: Duration, clock: C) {
        self.quiet = quiet
        self.clock = clock
    }

    /// Adds every batch of `changes` as it arrives, until the stream ends; with `finishing`, then
    /// `next()` returns what is left, then nil (a watcher replaced by another does not finish).
    package func consume(_ changes: AsyncStream<FileChangeBatch>, finishing: Bool = false) async {
        for await batch in changes { add(batch) }
        if finishing { finish() }
    }

    /// No more changes will come: `next()` returns what is pending, then nil.
    package func finish() {
        finished = true
        wake()
    }

    /// Adds one batch, seen now.
    package func add(_ batch: FileChangeBatch) {
        buffer.add(batch, at: clock.now)
        wake()
    }

    /// The next coalesced changes, once `quiet` has passed since the last of them; nil when the
    /// input ended with nothing pending or the task was cancelled.
    package func next() async -> DebounceBuffer<C.Instant>.Taken? {
        while !Task.isCancelled {
            if let deadline = buffer.deadline(quiet: quiet) {
                if let taken = buffer.take(at: clock.now, quiet: quiet) { return taken }
                try? await clock.sleep(until: deadline, tolerance: nil)
            } else if finished {
                return nil
            } else {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        if Task.isCancelled { continuation.resume() } else { waiter = continuation }
                    }
                } onCancel: {
                    Task { await self.wake() }
                }
            }
        }
        return nil
    }

    private func wake() {
        waiter?.resume()
        waiter = nil
    }
}
