import Testing
@testable import Pipeline

@Suite struct ChangeDebouncerTests {
    let start = ContinuousClock.now

    @Test func bufferWaitsForQuietAfterTheLastChangeAndKeepsTheFirstInstant() throws {
        var buffer = DebounceBuffer<ContinuousClock.Instant>()
        let quiet = Duration.milliseconds(300)
        #expect(buffer.deadline(quiet: quiet) == nil)
        buffer.add(FileChangeBatch(paths: ["/a"]), at: start)
        buffer.add(FileChangeBatch(paths: ["/b"]), at: start + .milliseconds(200))
        // 300 ms after the first change, but only 100 ms after the last: not yet.
        let early = buffer.take(at: start + .milliseconds(300), quiet: quiet)
        #expect(early == nil)
        #expect(buffer.deadline(quiet: quiet) == start + .milliseconds(500))
        let due = buffer.take(at: start + .milliseconds(500), quiet: quiet)
        let taken = try #require(due)
        #expect(taken.changes.paths == ["/a", "/b"])
        #expect(taken.firstSeen == start)
        #expect(buffer.deadline(quiet: quiet) == nil)
        #expect(buffer.pending.isEmpty)
    }

    @Test func bufferMergesOverflowAndIgnoresEmptyBatches() throws {
        var buffer = DebounceBuffer<ContinuousClock.Instant>()
        buffer.add(FileChangeBatch(), at: start)
        #expect(buffer.firstSeen == nil)
        buffer.add(FileChangeBatch(paths: ["/a"]), at: start)
        buffer.add(FileChangeBatch(overflowed: true), at: start + .milliseconds(10))
        let due = buffer.take(at: start + .seconds(1), quiet: .milliseconds(300))
        let taken = try #require(due)
        #expect(taken.changes.overflowed)
        #expect(taken.changes.paths == ["/a"])
    }

    @Test func debouncerCoalescesABurstIntoOneBatchThenStartsAfresh() async throws {
        let debouncer = ChangeDebouncer(quiet: .milliseconds(50), clock: ContinuousClock())
        await debouncer.add(FileChangeBatch(paths: ["/src/app.py"]))
        await debouncer.add(FileChangeBatch(paths: ["/src/app.py", "/src/util.py"]))
        await debouncer.add(FileChangeBatch(paths: ["/lib/shared.py"]))
        let first = try #require(await debouncer.next())
        #expect(first.changes.paths == ["/src/app.py", "/src/util.py", "/lib/shared.py"])
        await debouncer.add(FileChangeBatch(paths: ["/src/other.py"]))
        let second = try #require(await debouncer.next())
        #expect(second.changes.paths == ["/src/other.py"])
        #expect(second.firstSeen > first.firstSeen)
    }

    @Test func debouncerMergesChangesThatArriveWhileWaiting() async throws {
        let debouncer = ChangeDebouncer(quiet: .milliseconds(500), clock: ContinuousClock())
        let (stream, continuation) = AsyncStream.makeStream(of: FileChangeBatch.self)
        let feeding = Task { await debouncer.consume(stream, finishing: true) }
        continuation.yield(FileChangeBatch(paths: ["/a"]))
        try await Task.sleep(for: .milliseconds(20))
        continuation.yield(FileChangeBatch(paths: ["/b"]))
        let taken = try #require(await debouncer.next())
        #expect(taken.changes.paths == ["/a", "/b"])
        continuation.finish()
        await feeding.value
        #expect(await debouncer.next() == nil)
    }

    @Test func nextReturnsNilWhenCancelled() async {
        let debouncer = ChangeDebouncer(quiet: .milliseconds(50), clock: ContinuousClock())
        let waiting = Task { await debouncer.next() }
        try? await Task.sleep(for: .milliseconds(20))
        waiting.cancel()
        #expect(await waiting.value == nil)
    }
}
