import Foundation
import XMLCoder

/// Reads the recorded AWS answers in `Fixtures/` and decodes them the way AWSClient's contract
/// says it does: member names with the first character lower-cased (PascalCase services),
/// lenient ISO 8601 dates, and query results taken from `<ActionResult>`.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureError(message: "no fixture \(name)")
        }
        return try Data(contentsOf: url)
    }

    static func xml<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try xmlDecoder().decode(type, from: data(name))
    }

    /// Decodes the `<ActionResult>` element of a query-protocol answer.
    static func queryResult<T: Decodable>(_ type: T.Type, _ name: String, action: String) throws -> T {
        let decoder = xmlDecoder()
        decoder.userInfo[resultKey] = action + "Result"
        return try decoder.decode(QueryEnvelope<T>.self, from: data(name)).result
    }

    static func json<T: Decodable>(_ type: T.Type, _ name: String, pascalCase: Bool) throws -> T {
        let decoder = JSONDecoder()
        if pascalCase {
            decoder.keyDecodingStrategy = .custom { path in LowerFirstKey(path.last!.stringValue) }
        }
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad date \(text)")
            }
            return date
        }
        return try decoder.decode(type, from: data(name))
    }

    static func xmlDecoder() -> XMLDecoder {
        let decoder = XMLDecoder()
        decoder.keyDecodingStrategy = .custom { path in LowerFirstKey(path.last!.stringValue) }
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
            }
            return date
        }
        decoder.trimValueWhitespaces = false
        decoder.shouldProcessNamespaces = true
        return decoder
    }

    /// ISO 8601 with or without fractional seconds (any number of digits).
    static func parseDate(_ text: String) -> Date? {
        var trimmed = text
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            let fraction = text[text.index(after: dot)..<zone].prefix(3)
            trimmed = String(text[..<dot]) + "." + fraction.padding(toLength: 3, withPad: "0", startingAt: 0) + String(text[zone...])
            return try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }
        return try? Date(trimmed, strategy: .iso8601)
    }

    static let resultKey = CodingUserInfoKey(rawValue: "resultElement")!
}

struct FixtureError: Error { var message: String }

struct LowerFirstKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ wire: String) { stringValue = wire.prefix(1).lowercased() + wire.dropFirst() }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

struct QueryEnvelope<T: Decodable>: Decodable {
    var result: T
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    init(from decoder: any Decoder) throws {
        let name = decoder.userInfo[Fixture.resultKey] as! String
        let container = try decoder.container(keyedBy: Key.self)
        // Keys arrive first-letter lower-cased.
        result = try container.decode(T.self, forKey: Key(stringValue: name.prefix(1).lowercased() + name.dropFirst()))
    }
}
