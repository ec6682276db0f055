/// Text heuristics used only to enrich error messages when the YAML parser gives up early.
enum SourceScan {
    /// The line after `line` where `key:` appears again at the same column.
    static func lineOfRepeatedKey(_ key: String, after line: Int, column: Int, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let candidates = [key + ":", "\"" + key + "\":", "'" + key + "':"]
        for index in line..<lines.count {
            let current = lines[index]
            let indent = current.prefix { $0 == " " }.count
            guard indent + 1 == column else { continue }
            let rest = current.dropFirst(indent)
            if candidates.contains(where: { rest.hasPrefix($0) }) { return index + 1 }
            if rest.hasPrefix("- "), column > 0 { continue }
        }
        return nil
    }

    /// The logical ID of the block-style resource that contains `line`, if any.
    static func logicalID(enclosing line: Int, in text: String) -> LogicalID? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        guard let resourcesIndex = lines[..<line].lastIndex(where: { $0.hasPrefix("Resources:") }) else {
            return nil
        }
        var childIndent: Int?
        var current: LogicalID?
        for index in (resourcesIndex + 1)..<line {
            let text = lines[index]
            let trimmed = text.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = text.count - trimmed.count
            if indent == 0 { return nil }
            if childIndent == nil { childIndent = indent }
            if indent == childIndent, let colon = trimmed.firstIndex(of: ":") {
                current = LogicalID(String(trimmed[..<colon]).trimmingCharacters(in: ["\"", "'"]))
            }
        }
        return current
    }
}
