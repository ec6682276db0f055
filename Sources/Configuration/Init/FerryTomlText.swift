/// Accumulates the lines of a rendered ferry.toml.
struct FerryTomlText {
    private(set) var text = ""

    mutating func line(_ line: String) { text += line + "\n" }
    mutating func blank() { text += "\n" }
    mutating func comment(_ comment: String) { line("# " + comment) }

    /// `key = value`, or a commented-out example when there is no value.
    mutating func optional(_ key: String, _ value: String?, example: String) {
        if let value { line("\(key) = \(value)") } else { line("# \(key) = \(example)") }
    }
}
