import Foundation
import Pipeline
import Testing

@Suite("--since")
struct TimeWindowStartTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("durations go back from now", arguments: [("30s", 30.0), ("10m", 600), ("2h", 7200), ("1d", 86_400), ("1w", 604_800)])
    func durations(text: String, seconds: Double) throws {
        #expect(try TimeWindowStart.parse(text, now: now) == now.addingTimeInterval(-seconds))
    }

    @Test("ISO 8601 dates and times are instants, UTC unless a zone is given")
    func isoDates() throws {
        #expect(try TimeWindowStart.parse("2026-11-27", now: now) == Date(timeIntervalSince1970: 1_795_737_600))
        #expect(try TimeWindowStart.parse("2026-11-27T10:00:00Z", now: now) == Date(timeIntervalSince1970: 1_795_773_600))
        #expect(try TimeWindowStart.parse("2026-11-27T11:00:00+01:00", now: now) == Date(timeIntervalSince1970: 1_795_773_600))
        #expect(try TimeWindowStart.parse("2026-11-27T10:00", now: now) == Date(timeIntervalSince1970: 1_795_773_600))
        #expect(try TimeWindowStart.parse("2026-11-27T10:00:00.500Z", now: now) == Date(timeIntervalSince1970: 1_795_773_600.5))
    }

    @Test("anything else is an error that shows the accepted forms", arguments: ["", "10", "10x", "ten minutes", "-5m", "2026-13-40"])
    func rejects(text: String) {
        let error = #expect(throws: OperateError.self) { try TimeWindowStart.parse(text, now: now) }
        #expect(error?.description.contains("10m") == true)
    }
}
