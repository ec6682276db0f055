/// Something in a configuration file that Ferry ignores or reads with a caveat.
public struct ConfigurationWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file concerned.
    public let file: String
    /// The dotted key, when the warning is about one key.
    public let key: String?
    /// The 1-based line, when known.
    public let line: Int?
    /// What Ferry does about it.
    public let message: String

    /// Creates a warning.
    public init(file: String, key: String?, line: Int?, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(message)"
    }
}
