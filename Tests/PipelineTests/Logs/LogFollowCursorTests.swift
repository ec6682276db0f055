import AWSServices
import Foundation
import Pipeline
import Testing

@Suite("--follow cursor")
struct LogFollowCursorTests {
    func event(_ id: String, _ timestamp: Int64) throws -> FilteredLogEvent {
        let json = #"{"eventId": "\#(id)", "timestamp": \#(timestamp), "message": "m\#(id)", "logStreamName": "s"}"#
        return try JSONDecoder().decode(FilteredLogEvent.self, from: Data(json.utf8))
    }

    @Test("a poll from the newest timestamp drops the events already shown there, by eventId")
    func deduplicates() throws {
        var cursor = LogFollowCursor(startTime: 100)
        let first = cursor.accept([try event("1", 100), try event("2", 150), try event("3", 150)])
        #expect(first.map(\.eventId) == ["1", "2", "3"])
        #expect(cursor.startTime == 150)
        let second = cursor.accept([try event("2", 150), try event("3", 150), try event("4", 150), try event("5", 160)])
        #expect(second.map(\.eventId) == ["4", "5"])
        #expect(cursor.startTime == 160)
        #expect(cursor.accept([try event("5", 160)]).isEmpty)
        #expect(cursor.startTime == 160)
    }

    @Test("events before the cursor and repeats within one poll are dropped")
    func ignoresOldAndRepeated() throws {
        var cursor = LogFollowCursor(startTime: 200)
        let fresh = cursor.accept([try event("a", 150), try event("b", 210), try event("b", 210)])
        #expect(fresh.map(\.eventId) == ["b"])
    }
}
