// A JSON value that survives a read and a deterministic write unchanged.
import Foundation

/// Any JSON value, kept exactly enough to rewrite an image config or manifest with sorted keys.
package enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decodes any JSON value.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Encodes the value as it is.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// The member `key` of an object; nil otherwise.
    package subscript(key: String) -> JSONValue? {
        get { if case let .object(members) = self { return members[key] } else { return nil } }
        set {
            guard case var .object(members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string, when this is one.
    package var string: String? { if case let .string(value) = self { return value } else { return nil } }
    /// The integer, when this is one.
    package var integer: Int64? { if case let .integer(value) = self { return value } else { return nil } }
    /// The elements, when this is an array.
    package var array: [JSONValue]? { if case let .array(value) = self { return value } else { return nil } }

    /// Parses JSON bytes; `what` names them in the error.
    package static func parse(_ bytes: [UInt8], what: String) throws -> JSONValue {
        do { return try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) } catch {
            throw ImageError(.invalidJSON(what: what, message: "\(error)"))
        }
    }

    /// Compact JSON with keys sorted and slashes unescaped: the same value always gives the same bytes.
    package func canonicalBytes() -> [UInt8] {
        Self.canonical(self)
    }

    /// Canonical bytes of any encodable value (sorted keys, no spaces, slashes unescaped).
    package static func canonical(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values of strings, numbers and containers cannot fail.
        return Array((try? encoder.encode(value)) ?? Data())
    }
}
