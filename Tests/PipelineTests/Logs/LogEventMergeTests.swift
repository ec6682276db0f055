import Pipeline
import Testing

@Suite("Merging log groups")
struct LogEventMergeTests {
    func event(_ function: String, _ timestamp: Int64, _ message: String) -> TaggedLogEvent {
        TaggedLogEvent(function: function, logGroupName: "/aws/lambda/\(function)", timestamp: timestamp, message: message)
    }

    @Test("events of all groups come in time order; ties keep group then in-group order")
    func order() {
        let merged = LogEventMerge.merge([
            [event("A", 10, "a1"), event("A", 30, "a2"), event("A", 30, "a3")],
            [event("B", 5, "b1"), event("B", 30, "b2"), event("B", 40, "b3")],
            [],
        ])
        #expect(merged.map(\.message) == ["b1", "a1", "a2", "a3", "b2", "b3"])
        #expect(merged.map(\.function) == ["B", "A", "A", "A", "B", "B"])
    }

    @Test("nothing in, nothing out")
    func empty() {
        #expect(LogEventMerge.merge([[], []]).isEmpty)
    }
}
