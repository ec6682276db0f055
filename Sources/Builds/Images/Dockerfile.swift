// The lines of a Dockerfile, as instructions with their line numbers.

/// A Dockerfile split into instructions (continuations joined, comments dropped), each with the
/// line it starts on, so every later error can name `file:line`.
package struct Dockerfile: Sendable, Hashable {
    /// One instruction: its keyword in upper case, the rest of its text, and where it starts.
    package struct Instruction: Sendable, Hashable {
        /// `FROM`, `COPY`, ... (upper case).
        package var keyword: String
        /// The text after the keyword, continuations joined with a space.
        package var arguments: String
        /// The 1-based line the instruction starts on.
        package var line: Int
    }

    /// The file name used in messages.
    package var file: String
    /// The instructions in order.
    package var instructions: [Instruction]

    /// Parses Dockerfile text; `file` names it in errors.
    package init(text: String, file: String) throws {
        self.file = file
        var instructions: [Instruction] = []
        var pending: (text: String, line: Int)?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingLeadingWhitespace()
            if trimmed.hasPrefix("#") { continue }  // comments and parser directives
            if pending == nil && trimmed.isEmpty { continue }
            let continues = line.trimmingTrailingWhitespace().hasSuffix("\\")
            var piece = continues ? String(line.trimmingTrailingWhitespace().dropLast()) : line
            if pending != nil { piece = piece.trimmingLeadingWhitespace() }
            if var current = pending {
                let separator = current.text.isEmpty || piece.isEmpty || current.text.hasSuffix(" ") ? "" : " "
                current.text += separator + piece
                pending = current
            } else {
                pending = (piece.trimmingLeadingWhitespace(), index + 1)
            }
            if !continues, let done = pending {
                instructions.append(try Self.instruction(done.text, line: done.line, file: file))
                pending = nil
            }
        }
        if let done = pending, !done.text.isEmpty {
            instructions.append(try Self.instruction(done.text, line: done.line, file: file))
        }
        self.instructions = instructions
    }

    private static func instruction(_ text: String, line: Int, file: String) throws -> Instruction {
        let keyword = String(text.prefix { !$0.isWhitespace })
        let rest = String(text.dropFirst(keyword.count)).trimmingLeadingWhitespace().trimmingTrailingWhitespace()
        guard !keyword.isEmpty, keyword.allSatisfy({ $0.isLetter }) else {
            throw ImageError(.dockerfile(file: file, line: line, message: "'\(text)' is not an instruction"))
        }
        if rest.hasPrefix("<<") {
            throw ImageError(.dockerfile(file: file, line: line, message: "heredocs (<<) are not supported; put the text in a file and COPY it"))
        }
        return Instruction(keyword: keyword.uppercased(), arguments: rest, line: line)
    }
}

extension String {
    func trimmingLeadingWhitespace() -> String { String(drop { $0 == " " || $0 == "\t" }) }
    func trimmingTrailingWhitespace() -> String {
        var copy = self
        while let last = copy.last, last == " " || last == "\t" { copy.removeLast() }
        return copy
    }
}
