/// A stable colour per function name, so each function's log lines look the same in every run.
package enum FunctionColours {
    /// The ANSI foreground codes used in turn (cyan, magenta, yellow, green, blue, bright variants).
    package static let codes = ["36", "35", "33", "32", "34", "96", "95", "93", "92", "94"]

    /// The ANSI code for `name` (a hash of its characters, the same in every run).
    package static func code(for name: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return codes[Int(hash % UInt32(codes.count))]
    }

    /// `text` painted in `name`'s colour.
    package static func paint(_ text: String, for name: String) -> String {
        "\u{1B}[\(code(for: name))m\(text)\u{1B}[0m"
    }
}
