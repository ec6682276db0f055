// Reporting what Ferry ignores in a configuration file (samconfig keys it does not honour).
import Configuration
import Reporting

/// One configuration warning (`configuration.warning`): a samconfig key Ferry ignores, with the
/// reason, file and line, or a samconfig file shadowed by ferry.toml.
package struct ConfigurationWarningEvent: FerryEvent {
    /// The file.
    package let file: String
    /// The dotted key, when the warning is about one.
    package let key: String?
    /// The line, when known.
    package let line: Int?
    /// What Ferry does about it.
    package let text: String

    /// The event of `warning`.
    package init(_ warning: ConfigurationWarning) {
        file = warning.file
        key = warning.key
        line = warning.line
        text = warning.message
    }

    /// `configuration.warning`.
    package var kind: String { "configuration.warning" }
    /// A warning.
    package var level: EventLevel { .warning }
    /// `file:line: message`.
    package var message: String { (line.map { "\(file):\($0)" } ?? file) + ": " + text }

    private enum CodingKeys: String, CodingKey { case file, key, line, message }

    /// Encodes file, key, line and message.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encode(text, forKey: .message)
    }
}
