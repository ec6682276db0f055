/// Lays rows out in columns for a terminal: left-aligned text, right-aligned numbers.
package struct TextTable: Sendable {
    /// How a column aligns its cells.
    package enum Alignment: Sendable { case left, right }

    /// The header cells.
    package var headers: [String]
    /// Alignment per column (missing ones are left-aligned).
    package var alignments: [Alignment]
    /// The rows' cells.
    package var rows: [[String]] = []

    /// A table with these headers.
    package init(headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = alignments
    }

    /// The lines: header then rows, columns two spaces apart, no trailing spaces. Widths count
    /// characters (the sparkline blocks are one column wide).
    package func lines() -> [String] {
        let all = [headers] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in all.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            var cells: [String] = []
            for column in 0..<columns {
                let cell = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let alignment = column < alignments.count ? alignments[column] : .left
                cells.append(alignment == .right ? padding + cell : cell + padding)
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
