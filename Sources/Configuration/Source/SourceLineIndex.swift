/// Finds the line of every table header and key in TOML source text.
///
/// TOMLKit gives values but no positions, so this scanner walks the text once, tracking the
/// current `[table]` header, and records the 1-based line where each key path first appears.
/// It skips the inside of strings (including multi-line ones), comments and values that span
/// lines (arrays, inline tables). Keys inside inline tables are not recorded; `nearestLine(of:)`
/// then answers with the line of the enclosing key.
struct SourceLineIndex: Sendable {
    private var lines: [KeyPath: Int] = [:]

    /// Indexes `text` (LF or CRLF line endings; `"\r\n"` is a single `Character` in Swift).
    init(text: String) {
        var scanner = Scanner()
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            scanner.scan(line: Array(line), number: offset + 1) { path, number in
                if lines[path] == nil { lines[path] = number }
            }
        }
    }

    /// The line where `path` is written, if it is written as a header or a key.
    func line(of path: KeyPath) -> Int? { lines[path] }

    /// The line of `path`, or of its closest written ancestor.
    func nearestLine(of path: KeyPath) -> Int? {
        var current: KeyPath? = path
        while let candidate = current, !candidate.components.isEmpty {
            if let line = lines[candidate] { return line }
            current = candidate.parent
        }
        return nil
    }
}

private struct Scanner {
    enum Multiline { case none, basic, literal }

    var table: [String] = []
    var multiline = Multiline.none
    var depth = 0

    mutating func scan(line chars: [Character], number: Int, record: (KeyPath, Int) -> Void) {
        var i = 0
        if multiline != .none {
            guard let end = closeMultiline(chars, from: 0) else { return }
            multiline = .none
            scanValue(chars, from: end)
            return
        }
        if depth > 0 {
            scanValue(chars, from: 0)
            return
        }
        skipSpace(chars, &i)
        guard i < chars.count, chars[i] != "#", chars[i] != "\r" else { return }
        if chars[i] == "[" {
            i += 1
            if i < chars.count, chars[i] == "[" { i += 1 }
            let keys = readKeys(chars, &i)
            table = keys
            for length in 1...max(1, keys.count) where !keys.isEmpty {
                record(KeyPath(Array(keys.prefix(length))), number)
            }
            return
        }
        let keys = readKeys(chars, &i)
        skipSpace(chars, &i)
        guard !keys.isEmpty, i < chars.count, chars[i] == "=" else { return }
        for length in 1...keys.count {
            record(KeyPath(table + keys.prefix(length)), number)
        }
        scanValue(chars, from: i + 1)
    }

    private func skipSpace(_ chars: [Character], _ i: inout Int) {
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
    }

    /// Reads `a."b c".d` and returns its components; stops before `=`, `]` or anything else.
    private func readKeys(_ chars: [Character], _ i: inout Int) -> [String] {
        var keys: [String] = []
        while true {
            skipSpace(chars, &i)
            guard i < chars.count else { return keys }
            var key = ""
            if chars[i] == "\"" || chars[i] == "'" {
                let quote = chars[i]
                i += 1
                while i < chars.count, chars[i] != quote {
                    if quote == "\"", chars[i] == "\\", i + 1 < chars.count {
                        i += 1
                    }
                    key.append(chars[i])
                    i += 1
                }
                i += 1
            } else {
                while i < chars.count, chars[i].isBareKeyCharacter {
                    key.append(chars[i])
                    i += 1
                }
                if key.isEmpty { return keys }
            }
            keys.append(key)
            skipSpace(chars, &i)
            guard i < chars.count, chars[i] == "." else { return keys }
            i += 1
        }
    }

    /// Returns the index after the closing delimiter of the open multi-line string, or nil.
    private func closeMultiline(_ chars: [Character], from start: Int) -> Int? {
        let quote: Character = multiline == .basic ? "\"" : "'"
        var i = start
        while i < chars.count {
            if multiline == .basic, chars[i] == "\\" {
                i += 2
                continue
            }
            if chars[i] == quote, i + 2 < chars.count, chars[i + 1] == quote, chars[i + 2] == quote {
                var end = i + 3
                while end < chars.count, chars[end] == quote { end += 1 }
                return end
            }
            i += 1
        }
        return nil
    }

    /// Follows a value to the end of the line, tracking brackets and multi-line strings.
    private mutating func scanValue(_ chars: [Character], from start: Int) {
        var i = start
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "#":
                return
            case "\"", "'":
                let triple = i + 2 < chars.count && chars[i + 1] == c && chars[i + 2] == c
                if triple {
                    multiline = c == "\"" ? .basic : .literal
                    guard let end = closeMultiline(chars, from: i + 3) else { return }
                    multiline = .none
                    i = end
                    continue
                }
                i += 1
                while i < chars.count, chars[i] != c {
                    if c == "\"", chars[i] == "\\" { i += 1 }
                    i += 1
                }
                i += 1
            case "[", "{":
                depth += 1
                i += 1
            case "]", "}":
                depth = max(0, depth - 1)
                i += 1
            default:
                i += 1
            }
        }
    }
}

extension Character {
    fileprivate var isBareKeyCharacter: Bool {
        guard let ascii = asciiValue else { return false }
        return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57)
            || ascii == 95 || ascii == 45
    }
}
