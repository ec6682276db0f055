// Reporting what Ferry ignores in a configuration file (samconfig keys it does not honour).
import Configuration
import Reporting

/// One configuration warning (`configuration.warning`): a samconfig key Ferry ignores, with the
/// reason, file and line, or a samconfig file shadowed by ferry.toml.
public struct ConfigurationWarningEvent: FerryEvent {
    /// The file.
    public let file: String
    /// The dotted key, when the warning is about one.
    public let key: String?
    /// The line, when known.
    public let line: Int?
    /// What Ferry does about it.
    public let text: String

    /// The event of `warning`.
    public init(_ warning: ConfigurationWarning) {
        file = warning.file
        key = warning.key
        line = warning.line
        text = warning.message
    }

    /// `configuration.warning`.
    public var kind: String { "configuration.warning" }
    /// A warning.
    public var level: EventLevel { .warning }
    /// `file:line: message`.
    public var message: String { (line.map { "\(file):\($0)" } ?? file) + ": " + text }

    private enum CodingKeys: String, CodingKey { case file, key, line, message }

    /// Encodes file, key, line and message.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encode(text, forKey: .message)
    }
}
