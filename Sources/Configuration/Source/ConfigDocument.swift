import Foundation
import TOMLKit

/// A parsed TOML file: its values, the line of each key, and its path for messages.
struct ConfigDocument: Sendable {
    /// The file's path, as shown in messages.
    let file: String
    /// The top-level table.
    let root: [String: TOMLNode]
    /// Lines of keys and headers.
    let index: SourceLineIndex

    /// Parses `text`, naming it `file` in errors.
    init(text: String, file: String) throws {
        self.file = file
        do {
            root = try TOMLNode.parse(text)
        } catch let error as TOMLParseError {
            throw ConfigurationError.syntax(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                message: error.description)
        } catch {
            throw ConfigurationError.syntax(file: file, line: nil, column: nil, message: "\(error)")
        }
        index = SourceLineIndex(text: text)
    }

    /// A document from an already parsed tree (YAML).
    init(file: String, root: [String: TOMLNode], index: SourceLineIndex) {
        self.file = file
        self.root = root
        self.index = index
    }

    /// Reads and parses the file at `url`.
    init(contentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError.io(file: url.path, operation: "read \(url.path)", reason: error.localizedDescription)
        }
        try self.init(text: text, file: url.path)
    }

    /// The line of `path` or of its closest written ancestor.
    func line(_ path: KeyPath) -> Int? { index.nearestLine(of: path) }

    /// The keys of `table` (found at `path`) in the order they are written in the file.
    func orderedKeys(of table: [String: TOMLNode], at path: KeyPath) -> [String] {
        table.keys.sorted { a, b in
            let end = SourceLineIndex.Position(line: Int.max, column: Int.max)
            let pa = index.position(of: path.appending(a)) ?? end
            let pb = index.position(of: path.appending(b)) ?? end
            return pa == pb ? a < b : pa < pb
        }
    }
}
