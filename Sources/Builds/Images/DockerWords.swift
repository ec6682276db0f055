// Word splitting, quoting and variable substitution as Dockerfiles use them.

/// Shell-like helpers for Dockerfile arguments: quoted words, `$VAR` / `${VAR:-default}` expansion,
/// `KEY=VALUE` pairs and the JSON (exec) form.
enum DockerWords {
    /// Splits on unquoted whitespace; double and single quotes group and are removed, `\` escapes.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; inWord = true; continue }
            if character == "\\" && quote != "'" { escaped = true; continue }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "\"" || character == "'" { quote = character; inWord = true; continue }
            if character == " " || character == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
                continue
            }
            current.append(character)
            inWord = true
        }
        if inWord { words.append(current) }
        return words
    }

    /// Removes quotes and escapes as the shell does, keeping whitespace (`"hello  x"` → `hello  x`).
    static func unquote(_ text: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped { out.append(character); escaped = false; continue }
            if character == "\\" && quote != "'" { escaped = true; continue }
            if let open = quote {
                if character == open { quote = nil } else { out.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}` from `variables`
    /// (unknown names become empty, as Docker does); `\$` keeps a literal dollar.
    static func expand(_ text: String, _ variables: [String: String]) -> String {
        var out = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "$" {
                out.append("\\$"); index += 2; continue
            }
            guard character == "$", index + 1 < characters.count else { out.append(character); index += 1; continue }
            if characters[index + 1] == "{", let close = characters[(index + 2)...].firstIndex(of: "}") {
                let body = String(characters[(index + 2)..<close])
                if let range = body.range(of: ":-") {
                    let value = variables[String(body[..<range.lowerBound])] ?? ""
                    out += value.isEmpty ? String(body[range.upperBound...]) : value
                } else if let range = body.range(of: ":+") {
                    let value = variables[String(body[..<range.lowerBound])] ?? ""
                    out += value.isEmpty ? "" : String(body[range.upperBound...])
                } else {
                    out += variables[body] ?? ""
                }
                index = close + 1
                continue
            }
            var end = index + 1
            while end < characters.count, characters[end] == "_" || characters[end].isLetter || characters[end].isNumber { end += 1 }
            if end == index + 1 { out.append(character); index += 1; continue }
            out += variables[String(characters[(index + 1)..<end])] ?? ""
            index = end
        }
        return out
    }

    /// `KEY=VALUE ...` pairs (quotes removed), or the legacy `KEY VALUE` form when `legacy` allows it.
    static func pairs(_ text: String, legacy: Bool) -> [(key: String, value: String)]? {
        let words = split(text)
        guard let first = words.first else { return nil }
        if !first.contains("=") {
            guard legacy, words.count >= 2 else { return nil }
            let value = String(text.trimmingLeadingWhitespace().dropFirst(first.count)).trimmingLeadingWhitespace()
            return [(first, unquote(value))]
        }
        var result: [(String, String)] = []
        for word in words {
            guard let equals = word.firstIndex(of: "=") else { return nil }
            result.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
        }
        return result
    }

    /// The exec form `["a", "b"]` as strings; nil when `text` is not a JSON array of strings.
    static func execForm(_ text: String) -> [String]? {
        guard text.hasPrefix("[") else { return nil }
        guard case let .array(items)? = try? JSONValue.parse(Array(text.utf8), what: "exec form") else { return nil }
        let strings = items.compactMap(\.string)
        return strings.count == items.count ? strings : nil
    }

    /// Leading `--name=value` flags and the remaining text.
    static func flags(_ text: String) -> (flags: [String: String], rest: String) {
        var flags: [String: String] = [:]
        var rest = text.trimmingLeadingWhitespace()
        while rest.hasPrefix("--") {
            let word = String(rest.prefix { !$0.isWhitespace })
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                flags[String(body[..<equals])] = String(body[body.index(after: equals)...])
            } else {
                flags[String(body)] = ""
            }
            rest = String(rest.dropFirst(word.count)).trimmingLeadingWhitespace()
        }
        return (flags, rest)
    }
}
