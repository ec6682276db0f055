import TOMLKit

/// A parsed TOML value as a plain `Sendable` tree (TOMLKit's own types are reference types).
enum TOMLNode: Sendable, Equatable {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time, kept as written by TOMLKit.
    case dateTime(String)

    /// The article and name of this value's type, for messages ("a string", "an integer").
    var typeDescription: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a floating-point number"
        case .boolean: "a boolean"
        case .dateTime: "a date/time"
        }
    }

    /// The string value, or nil for other types.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The table, or nil for other types.
    var tableValue: [String: TOMLNode]? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// Parses TOML text. Throws TOMLKit's parse error.
    static func parse(_ text: String) throws -> [String: TOMLNode] {
        let table = try TOMLTable(string: text)
        return convert(table)
    }

    private static func convert(_ table: TOMLTable) -> [String: TOMLNode] {
        var result: [String: TOMLNode] = [:]
        for key in table.keys {
            if let value = table[key] { result[key] = convert(value) }
        }
        return result
    }

    private static func convert(_ value: any TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table: return .table(value.table.map(convert) ?? [:])
        case .array: return .array(value.array.map { $0.map(convert) } ?? [])
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .date, .time, .dateTime: return .dateTime(value.debugDescription)
        }
    }
}
