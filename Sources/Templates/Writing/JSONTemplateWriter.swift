/// Writes templates as JSON, keys in their original order, byte-for-byte deterministic.
package struct JSONTemplateWriter: Sendable {
    /// Spaces per nesting level.
    package var indent: Int

    /// A writer indenting by `indent` spaces.
    package init(indent: Int = 2) { self.indent = indent }

    /// The template as JSON text, ending with a newline.
    package func write(_ template: Template) -> String { write(template.value) }

    /// The value as JSON text, ending with a newline.
    package func write(_ value: TemplateValue) -> String {
        var out = ""
        emit(value, level: 0, into: &out)
        out += "\n"
        return out
    }

    private func emit(_ value: TemplateValue, level: Int, into out: inout String) {
        switch value {
        case .string(let text): Self.quote(text, into: &out)
        case .number(let text):
            if let number = JSONNumber.canonical(text) { out += number } else { Self.quote(text, into: &out) }
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: " ", count: (level + 1) * indent)
                emit(item, level: level + 1, into: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: level * indent) + "]"
        case .map(let map):
            guard !map.isEmpty else { out += "{}"; return }
            out += "{\n"
            var index = 0
            for (key, item) in map {
                out += String(repeating: " ", count: (level + 1) * indent)
                Self.quote(key, into: &out)
                out += ": "
                emit(item, level: level + 1, into: &out)
                index += 1
                out += index == map.count ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: level * indent) + "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Turns YAML number spellings into JSON numbers.
enum JSONNumber {
    /// The JSON spelling of a YAML number, or nil when it has none (`.inf`, `.nan`).
    static func canonical(_ text: String) -> String? {
        if isJSONNumber(text) { return text }
        var body = text.replacingOccurrences(of: "_", with: "")
        var sign = ""
        if body.hasPrefix("-") || body.hasPrefix("+") {
            if body.hasPrefix("-") { sign = "-" }
            body.removeFirst()
        }
        let radixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        for (prefix, radix) in radixes where body.hasPrefix(prefix) {
            return Int(body.dropFirst(2), radix: radix).map { sign + String($0) }
        }
        if body.count > 1, body.hasPrefix("0"), body.allSatisfy(\.isNumber) {
            return Int(body, radix: 8).map { sign + String($0) }  // YAML 1.1 octal
        }
        if body.allSatisfy(\.isNumber), let int = Int(body) { return sign + String(int) }
        if body.hasPrefix(".") { body = "0" + body }
        if body.hasSuffix(".") { body += "0" }
        let candidate = sign + body
        if isJSONNumber(candidate) { return candidate }
        return nil
    }

    /// Whether `text` matches JSON's number grammar.
    static func isJSONNumber(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.hasPrefix("-") { chars.removeFirst() }
        guard let first = chars.first, first.isASCII, first.isNumber else { return false }
        let intPart = chars.prefix { $0.isASCII && $0.isNumber }
        if intPart.count > 1 && intPart.hasPrefix("0") { return false }
        chars = chars.dropFirst(intPart.count)
        if chars.hasPrefix(".") {
            chars.removeFirst()
            let frac = chars.prefix { $0.isASCII && $0.isNumber }
            guard !frac.isEmpty else { return false }
            chars = chars.dropFirst(frac.count)
        }
        if chars.hasPrefix("e") || chars.hasPrefix("E") {
            chars.removeFirst()
            if chars.hasPrefix("+") || chars.hasPrefix("-") { chars.removeFirst() }
            let exp = chars.prefix { $0.isASCII && $0.isNumber }
            guard !exp.isEmpty else { return false }
            chars = chars.dropFirst(exp.count)
        }
        return chars.isEmpty
    }
}
