import Yams

/// Writes templates as block-style YAML in long form (no short-form tags), deterministic.
///
/// Strings that would read back as another type (`2012-10-17`, `yes`, `1e3`, `0123`, `null`, `~`)
/// are quoted, so a written template reloads to an equal ``Template``.
package struct YAMLTemplateWriter: Sendable {
    /// A writer (two-space indentation).
    package init() {}

    /// The template as YAML text, ending with a newline.
    package func write(_ template: Template) -> String { write(template.value) }

    /// The value as YAML text, ending with a newline.
    package func write(_ value: TemplateValue) -> String {
        var out = ""
        switch value {
        case .map(let map) where !map.isEmpty: emitMap(map, indent: 0, into: &out)
        case .list(let items) where !items.isEmpty: emitList(items, indent: 0, into: &out)
        default: out += inline(value) + "\n"
        }
        return out
    }

    private func emitMap(_ map: TemplateMap, indent: Int, into out: inout String, firstLinePrefixed: Bool = false) {
        var first = firstLinePrefixed
        for (key, value) in map {
            if !first { out += String(repeating: " ", count: indent) }
            first = false
            out += YAMLScalar.key(key) + ":"
            emitNested(value, indent: indent, into: &out)
        }
    }

    private func emitList(_ items: [TemplateValue], indent: Int, into out: inout String,
                          firstLinePrefixed: Bool = false) {
        var first = firstLinePrefixed
        for item in items {
            if !first { out += String(repeating: " ", count: indent) }
            first = false
            out += "-"
            switch item {
            case .map(let map) where !map.isEmpty:
                out += " "
                emitMap(map, indent: indent + 2, into: &out, firstLinePrefixed: true)
            case .list(let inner) where !inner.isEmpty:
                out += " "
                emitList(inner, indent: indent + 2, into: &out, firstLinePrefixed: true)
            default:
                out += " " + scalarOrBlock(item, indent: indent + 2) + "\n"
            }
        }
    }

    /// Writes what follows `key:`.
    private func emitNested(_ value: TemplateValue, indent: Int, into out: inout String) {
        switch value {
        case .map(let map) where !map.isEmpty:
            out += "\n"
            emitMap(map, indent: indent + 2, into: &out)
        case .list(let items) where !items.isEmpty:
            out += "\n"
            emitList(items, indent: indent + 2, into: &out)
        default:
            out += " " + scalarOrBlock(value, indent: indent + 2) + "\n"
        }
    }

    private func scalarOrBlock(_ value: TemplateValue, indent: Int) -> String {
        if case .string(let text) = value, let block = YAMLScalar.literalBlock(text, indent: indent) {
            return block
        }
        return inline(value)
    }

    private func inline(_ value: TemplateValue) -> String {
        switch value {
        case .string(let text): return YAMLScalar.string(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .list: return "[]"
        case .map: return "{}"
        }
    }
}

/// Quoting rules for YAML scalars.
enum YAMLScalar {
    /// Resolver including timestamps: anything it would not read as a plain string must be quoted.
    private static let strictResolver = Resolver.default

    static func key(_ text: String) -> String { string(text) }

    /// `text` as a plain, single-quoted or double-quoted scalar, whichever reads back as this string.
    static func string(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && $0 != "\u{85}" }) {
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
        var out = ""
        JSONTemplateWriter.quote(text, into: &out)  // JSON escapes are valid YAML double-quoted escapes
        return out
    }

    /// A `|` literal block for multi-line text that survives the round trip, or nil.
    static func literalBlock(_ text: String, indent: Int) -> String? {
        guard text.contains("\n"), let first = text.first, first != " ", first != "\n" else { return nil }
        guard text.unicodeScalars.allSatisfy({ ($0.value >= 0x20 && $0.value != 0x7F) || $0 == "\n" }) else {
            return nil
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var trailing = 0
        while let last = lines.last, last.isEmpty, lines.count > 1 {
            lines.removeLast()
            trailing += 1
        }
        if lines.contains(where: { $0.hasSuffix(" ") }) { return nil }
        let chomp = trailing == 0 ? "-" : (trailing == 1 ? "" : "+")
        let pad = String(repeating: " ", count: indent)
        var out = "|" + chomp
        for line in lines { out += "\n" + (line.isEmpty ? "" : pad + line) }
        for _ in 0..<max(0, trailing - 1) { out += "\n" }
        return out
    }

    private static let indicators: Set<Character> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if indicators.contains(first) || first == " " || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        if ["y", "Y", "n", "N"].contains(text) { return false }
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && $0.value < 0x80 }) else {
            return false
        }
        let scalar = Node.Scalar(text)
        return strictResolver.resolveTag(of: .scalar(scalar)) == .str
    }
}
