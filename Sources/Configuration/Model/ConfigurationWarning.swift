/// Something in a configuration file that Ferry ignores or reads with a caveat.
package struct ConfigurationWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file concerned.
    package let file: String
    /// The dotted key, when the warning is about one key.
    package let key: String?
    /// The 1-based line, when known.
    package let line: Int?
    /// What Ferry does about it.
    package let message: String

    /// Creates a warning.
    package init(file: String, key: String?, line: Int?, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    package var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(message)"
    }
}
