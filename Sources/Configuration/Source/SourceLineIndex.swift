/// Finds the line of every table header and key in TOML source text.
///
/// TOMLKit gives values but no positions, so this scanner walks the text once, tracking the
/// current `[table]` header, and records the 1-based line (and column, for ordering) where each
/// key path first appears: headers, plain, dotted and quoted keys, and keys inside inline tables
/// (`parameters = { B = "1", A = "2" }`). It skips the inside of strings (including multi-line
/// ones), comments and array elements. A path it did not see is answered by `nearestLine(of:)`
/// with the line of its closest written ancestor.
struct SourceLineIndex: Sendable {
    /// Where a key is written.
    struct Position: Sendable, Comparable {
        var line: Int
        var column: Int
        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    private var positions: [KeyPath: Position] = [:]

    /// Indexes `text` (LF or CRLF line endings; `"\r\n"` is a single `Character` in Swift).
    init(text: String) {
        var scanner = Scanner()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, line) in lines.enumerated() {
            scanner.scan(line: Array(line)) { path, column in
                if positions[path] == nil { positions[path] = Position(line: offset + 1, column: column) }
            }
        }
    }

    /// An index of known positions (from a YAML parser).
    init(positions: [KeyPath: Position]) {
        self.positions = positions
    }

    /// The line where `path` is written, if it is written as a header or a key.
    func line(of path: KeyPath) -> Int? { positions[path]?.line }

    /// The line and column where `path` is written.
    func position(of path: KeyPath) -> Position? { positions[path] }

    /// The line of `path`, or of its closest written ancestor.
    func nearestLine(of path: KeyPath) -> Int? {
        var current: KeyPath? = path
        while let candidate = current, !candidate.components.isEmpty {
            if let line = positions[candidate]?.line { return line }
            current = candidate.parent
        }
        return nil
    }
}

private struct Scanner {
    enum Multiline { case none, basic, literal }
    /// An open `[` (array) or `{` (inline table at a known path, or nil inside an array).
    enum Frame { case array, table(KeyPath?) }

    typealias Record = (KeyPath, Int) -> Void

    var table: [String] = []
    var multiline = Multiline.none
    var stack: [Frame] = []
    /// Right after `{` or `,` in an inline table: the next token is a key.
    var expectingKey = false
    /// The path of the value about to start (after `key =`), if known.
    var pendingValuePath: KeyPath?

    mutating func scan(line chars: [Character], record: Record) {
        var i = 0
        if multiline != .none {
            guard let end = closeMultiline(chars, from: 0) else { return }
            multiline = .none
            scanValue(chars, from: end, record: record)
            return
        }
        if !stack.isEmpty {
            scanValue(chars, from: 0, record: record)
            return
        }
        skipSpace(chars, &i)
        guard i < chars.count, chars[i] != "#", chars[i] != "\r" else { return }
        if chars[i] == "[" {
            i += 1
            if i < chars.count, chars[i] == "[" { i += 1 }
            let column = i + 1
            let keys = readKeys(chars, &i)
            table = keys
            for length in 1...max(1, keys.count) where !keys.isEmpty {
                record(KeyPath(Array(keys.prefix(length))), column)
            }
            return
        }
        let column = i + 1
        let keys = readKeys(chars, &i)
        skipSpace(chars, &i)
        guard !keys.isEmpty, i < chars.count, chars[i] == "=" else { return }
        for length in 1...keys.count {
            record(KeyPath(table + keys.prefix(length)), column)
        }
        pendingValuePath = KeyPath(table + keys)
        scanValue(chars, from: i + 1, record: record)
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

    /// Follows a value to the end of the line: strings, nested arrays and inline tables (whose
    /// keys are recorded), and multi-line strings that continue on the next lines.
    private mutating func scanValue(_ chars: [Character], from start: Int, record: Record) {
        var i = start
        while i < chars.count {
            if expectingKey {
                skipSpace(chars, &i)
                guard i < chars.count else { return }
                if chars[i] != "}" && chars[i] != "#" {
                    readInlineKey(chars, &i, record: record)
                    continue
                }
                expectingKey = false
            }
            let c = chars[i]
            switch c {
            case "#":
                return
            case "\"", "'":
                pendingValuePath = nil
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
            case "{":
                stack.append(.table(pendingValuePath))
                pendingValuePath = nil
                expectingKey = true
                i += 1
            case "[":
                stack.append(.array)
                pendingValuePath = nil
                i += 1
            case "]", "}":
                _ = stack.popLast()
                pendingValuePath = nil
                i += 1
            case ",":
                if case .table? = stack.last { expectingKey = true }
                i += 1
            default:
                if c != " " && c != "\t" { pendingValuePath = nil }
                i += 1
            }
        }
    }

    /// Reads `key =` inside an inline table and records it under the table's path.
    private mutating func readInlineKey(_ chars: [Character], _ i: inout Int, record: Record) {
        let column = i + 1
        let start = i
        let keys = readKeys(chars, &i)
        skipSpace(chars, &i)
        expectingKey = false
        guard !keys.isEmpty, i < chars.count, chars[i] == "=" else {
            if i == start { i += 1 }
            return
        }
        i += 1
        guard case .table(let base?)? = stack.last else {
            pendingValuePath = nil
            return
        }
        for length in 1...keys.count {
            record(KeyPath(base.components + keys.prefix(length)), column)
        }
        pendingValuePath = KeyPath(base.components + keys)
    }
}

extension Character {
    fileprivate var isBareKeyCharacter: Bool {
        guard let ascii = asciiValue else { return false }
        return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57)
            || ascii == 95 || ascii == 45
    }
}
