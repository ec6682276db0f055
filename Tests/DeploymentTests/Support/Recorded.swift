import AWSServices
import Foundation
import Testing

/// Fixtures recorded from Ferry's emulator (DescribeStackEvents of the root and every nested
/// stack after one operation), and AWS-shaped JSON decoded into the AWSServices shapes.
enum Recorded {
    /// One recorded operation.
    struct Scenario {
        var rootStackID: String
        var earlierEventIDs: Set<String>
        var changes: [ResourceChange]
        /// Events per stack ID, newest first (as DescribeStackEvents returns them).
        var stacks: [String: [StackEvent]]

        /// Every event of every stack, oldest first.
        var allEvents: [StackEvent] { stacks.values.flatMap { $0 }.sorted { $0.timestamp < $1.timestamp } }

        /// The distinct event times, oldest first: the moments a poller could have looked.
        var moments: [Date] { Array(Set(allEvents.map(\.timestamp))).sorted() }

        /// What DescribeStackEvents of `stack` returned at `moment` (newest first).
        func page(_ stack: String, at moment: Date) -> [StackEvent] {
            (stacks[stack] ?? []).filter { $0.timestamp <= moment }
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func scenario(_ name: String) throws -> Scenario {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let stacks = try #require(object["stacks"] as? [String: [Any]])
        return Scenario(
            rootStackID: try #require(object["rootStackId"] as? String),
            earlierEventIDs: Set(object["earlierEventIds"] as? [String] ?? []),
            changes: try (object["changes"] as? [Any] ?? []).map { try decode(ResourceChange.self, from: $0) },
            stacks: try stacks.mapValues { try $0.map { try decode(StackEvent.self, from: $0) } })
    }

    /// Decodes AWS-shaped JSON (PascalCase keys, plain arrays) into a query-protocol shape
    /// (camelCase properties, lists under `member`).
    static func decode<T: Decodable>(_ type: T.Type, from object: Any) throws -> T {
        let data = try JSONSerialization.data(withJSONObject: wrapLists(object))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            let key = path.last!.stringValue
            return AnyKey(key == "member" ? key : key.prefix(1).lowercased() + key.dropFirst())
        }
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = parseDate(text) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
        }
        return try decoder.decode(T.self, from: data)
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        // Python writes microseconds; keep milliseconds.
        if let dot = text.firstIndex(of: "."), let zone = text.lastIndex(where: { $0 == "Z" || $0 == "+" }), dot < zone {
            let fraction = text[text.index(after: dot)..<zone].prefix(3)
            return formatter.date(from: String(text[..<dot]) + "." + fraction + String(text[zone...]))
        }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    private static func wrapLists(_ object: Any) -> Any {
        if let dictionary = object as? [String: Any] {
            return dictionary.mapValues { value -> Any in
                if let list = value as? [Any] { return ["member": list.map(wrapLists)] }
                return wrapLists(value)
            }
        }
        return object
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
