// The `[build-system]` table of a local package's pyproject.toml (PEP 517/518).
import Foundation

/// What builds a local package into a wheel: the `[build-system]` table of its `pyproject.toml`.
///
/// Only the table's three keys are read (`requires`, `build-backend`, `backend-path`), with
/// basic and literal strings and (multi-line) arrays of them; anything else in the file is
/// skipped. A package without the table, or a table this reader cannot read, gets nil: pip builds
/// it as before.
struct BuildSystemTable: Sendable, Hashable {
    /// The build requirements, as written (`setuptools>=61`).
    let requires: [String]
    /// `module:object` of the PEP 517 backend (`setuptools.build_meta:__legacy__` when the table
    /// names none, as pip does).
    let backend: String
    /// Folders (relative to the package) put first on `sys.path` for an in-tree backend.
    let backendPath: [String]

    /// The table of `<folder>/pyproject.toml`, or nil.
    static func read(packageFolder folder: String) -> BuildSystemTable? {
        guard let data = FileManager.default.contents(atPath: joinPath(folder, "pyproject.toml")) else { return nil }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// The table in the text of a pyproject.toml, or nil.
    static func parse(_ text: String) -> BuildSystemTable? {
        var values: [String: [String]] = [:]
        var inTable = false
        var pending: (key: String, text: String)?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = withoutComment(String(rawLine)).trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if let open = pending {
                pending = (open.key, open.text + " " + line)
                if let items = strings(pending!.text) { values[open.key] = items; pending = nil }
                continue
            }
            if line.hasPrefix("[") {
                inTable = line.replacingOccurrences(of: " ", with: "").hasPrefix("[build-system]")
                continue
            }
            guard inTable, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: .init(charactersIn: "\"'"))
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard ["requires", "build-backend", "backend-path"].contains(key) else { continue }
            if let items = strings(value) {
                values[key] = items
            } else if value.hasPrefix("[") {
                pending = (key, value)
            } else {
                return nil
            }
        }
        guard pending == nil, let requires = values["requires"] else { return nil }
        let backend = values["build-backend"]
        guard backend == nil || backend!.count == 1 else { return nil }
        return BuildSystemTable(requires: requires, backend: backend?.first ?? "setuptools.build_meta:__legacy__",
                                backendPath: values["backend-path"] ?? [])
    }

    /// The strings of a complete value: one string, or an array of strings (comments, trailing
    /// commas and line breaks allowed); nil when incomplete or something else.
    static func strings(_ value: String) -> [String]? {
        var items: [String] = []
        var index = value.startIndex
        var depth = 0
        var sawString = false
        while index < value.endIndex {
            let character = value[index]
            switch character {
            case "\"", "'":
                guard let (text, next) = quoted(value, from: index) else { return nil }
                items.append(text)
                sawString = true
                index = next
                continue
            case "[": depth += 1; if depth > 1 { return nil }
            case "]":
                depth -= 1
                guard depth == 0 else { return nil }
                let rest = value[value.index(after: index)...].trimmingCharacters(in: .whitespaces)
                return rest.isEmpty ? items : nil
            case ",", " ", "\t": break
            default: return nil
            }
            index = value.index(after: index)
        }
        return depth == 0 && sawString && items.count == 1 ? items : nil
    }

    /// The line without its `#` comment (a `#` inside a string stays).
    private static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return String(line[..<index])
            }
        }
        return line
    }

    /// A basic (`"…"`, with `\"` and `\\` escapes) or literal (`'…'`) string starting at `start`.
    private static func quoted(_ value: String, from start: String.Index) -> (String, String.Index)? {
        let quote = value[start]
        var text = ""
        var index = value.index(after: start)
        while index < value.endIndex {
            let character = value[index]
            if character == quote { return (text, value.index(after: index)) }
            if character == "\\" && quote == "\"" {
                index = value.index(after: index)
                guard index < value.endIndex else { return nil }
                text.append(value[index] == "n" ? "\n" : value[index])
            } else {
                text.append(character)
            }
            index = value.index(after: index)
        }
        return nil
    }
}
