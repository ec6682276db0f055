/// Splits SAM CLI's `parameter_overrides` and `tags` strings into ordered key/value pairs.
///
/// The format is what `sam deploy --parameter-overrides` accepts: pairs separated by whitespace,
/// each `Key=Value` or `ParameterKey=Key,ParameterValue=Value`. A value may be double-quoted
/// (`Name="two words"`), may contain `=` (`Url=https://x?a=b`), and may contain `\"` (an escaped
/// quote) or `\ ` (an escaped space). As in SAM, only `\"` and `\ ` are unescaped; other
/// backslashes are kept. Single-quoted values are taken literally.
package enum ParameterOverridesParser {
    /// Why a string could not be split.
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, e.g. "missing '=' in 'Foo'".
        package let description: String
    }

    /// Splits `text`. Throws `Failure` for a token without `=`, an empty key or an unterminated quote.
    package static func parse(_ text: String) throws(Failure) -> [KeyValue] {
        var cursor = Cursor(Array(text))
        var pairs: [KeyValue] = []
        while true {
            cursor.skipWhitespace()
            if cursor.atEnd { return pairs }
            pairs.append(try readPair(&cursor))
            guard cursor.atEnd || cursor.current.isWhitespace else {
                throw Failure(description: "unexpected '\(cursor.current)' after the value of '\(pairs.last!.key)'; separate pairs with spaces")
            }
        }
    }

    /// Splits each element of an array form (`["A=1", "B=two words"]`); an element holding a
    /// single pair may contain unquoted spaces in its value.
    package static func parse(elements: [String]) throws(Failure) -> [KeyValue] {
        var pairs: [KeyValue] = []
        for element in elements {
            let trimmed = element.trimmingWhitespace()
            if let parsed = try? parse(trimmed) {
                pairs += parsed
            } else if let equals = trimmed.firstIndex(of: "="), equals != trimmed.startIndex {
                pairs.append(KeyValue(key: String(trimmed[..<equals]), value: String(trimmed[trimmed.index(after: equals)...])))
            } else {
                pairs += try parse(trimmed)
            }
        }
        return pairs
    }

    private static func readPair(_ cursor: inout Cursor) throws(Failure) -> KeyValue {
        if cursor.hasPrefix("ParameterKey=") {
            cursor.advance(by: "ParameterKey=".count)
            let key = cursor.read { $0 != "," && !$0.isWhitespace }
            guard !key.isEmpty, cursor.hasPrefix(",ParameterValue=") else {
                throw Failure(description: "expected 'ParameterKey=Name,ParameterValue=Value' near '\(key)'")
            }
            cursor.advance(by: ",ParameterValue=".count)
            return KeyValue(key: key, value: try readValue(&cursor, key: key))
        }
        let key: String
        if cursor.current == "\"" {
            key = try readQuoted(&cursor, key: "a quoted key")
        } else {
            key = cursor.read { $0 != "=" && !$0.isWhitespace }
        }
        guard !cursor.atEnd, cursor.current == "=" else {
            throw Failure(description: "missing '=' in '\(key)'; write Key=Value")
        }
        guard !key.isEmpty else { throw Failure(description: "a pair has an empty key before '='") }
        cursor.advance(by: 1)
        return KeyValue(key: key, value: try readValue(&cursor, key: key))
    }

    private static func readValue(_ cursor: inout Cursor, key: String) throws(Failure) -> String {
        if cursor.atEnd { return "" }
        switch cursor.current {
        case "\"":
            return unescape(try readQuoted(&cursor, key: key))
        case "'":
            cursor.advance(by: 1)
            let value = cursor.read { $0 != "'" }
            guard !cursor.atEnd else { throw Failure(description: "unterminated ' in the value of '\(key)'") }
            cursor.advance(by: 1)
            return value
        default:
            var raw = ""
            while !cursor.atEnd, !cursor.current.isWhitespace {
                if cursor.current == "\\", let next = cursor.peek(1) {
                    raw.append("\\")
                    raw.append(next)
                    cursor.advance(by: 2)
                } else {
                    raw.append(cursor.current)
                    cursor.advance(by: 1)
                }
            }
            return unescape(raw)
        }
    }

    /// Reads `"..."` keeping escapes raw; the cursor stops after the closing quote.
    private static func readQuoted(_ cursor: inout Cursor, key: String) throws(Failure) -> String {
        cursor.advance(by: 1)
        var raw = ""
        while !cursor.atEnd, cursor.current != "\"" {
            if cursor.current == "\\", let next = cursor.peek(1) {
                raw.append("\\")
                raw.append(next)
                cursor.advance(by: 2)
            } else {
                raw.append(cursor.current)
                cursor.advance(by: 1)
            }
        }
        guard !cursor.atEnd else { throw Failure(description: "unterminated \" in the value of '\(key)'") }
        cursor.advance(by: 1)
        return raw
    }

    private static func unescape(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\ ", with: " ")
    }
}

private struct Cursor {
    let chars: [Character]
    var index = 0

    init(_ chars: [Character]) { self.chars = chars }

    var atEnd: Bool { index >= chars.count }
    var current: Character { chars[index] }
    func peek(_ offset: Int) -> Character? { index + offset < chars.count ? chars[index + offset] : nil }
    mutating func advance(by count: Int) { index += count }
    mutating func skipWhitespace() { while !atEnd, current.isWhitespace { index += 1 } }

    func hasPrefix(_ prefix: String) -> Bool {
        let p = Array(prefix)
        return index + p.count <= chars.count && Array(chars[index..<index + p.count]) == p
    }

    mutating func read(while predicate: (Character) -> Bool) -> String {
        var out = ""
        while !atEnd, predicate(current) {
            out.append(current)
            index += 1
        }
        return out
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
