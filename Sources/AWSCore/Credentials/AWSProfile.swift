import Foundation

/// One named profile, merged from `~/.aws/config` (`[profile x]`) and `~/.aws/credentials`
/// (`[x]`); a key set in both files takes the credentials file's value.
package struct AWSProfile: Sendable, Equatable {
    /// The profile name (`default`, `dev`).
    package let name: String
    /// Settings with where each was written.
    package var values: [String: SharedConfigValue]
    /// Nested sub-sections (`s3 =` followed by indented lines).
    package var subSections: [String: [String: String]]
    /// The files the profile appears in, for messages (`~/.aws/config`).
    package var files: [String]

    /// A profile with these settings (normally built by `AWSSharedConfig`).
    package init(name: String, values: [String: SharedConfigValue] = [:], subSections: [String: [String: String]] = [:], files: [String] = []) {
        self.name = name
        self.values = values
        self.subSections = subSections
        self.files = files
    }

    /// The value of `key` (lower-case), or nil when it is not set or empty.
    package func value(_ key: String) -> String? {
        guard let value = values[key]?.value, !value.isEmpty else { return nil }
        return value
    }

    /// Where `key` was set: `~/.aws/config line 4`.
    package func location(of key: String) -> String? {
        values[key].map { "\($0.file) line \($0.line)" }
    }

    /// `profile dev in ~/.aws/credentials`, naming the file that holds `key` when given.
    package func describe(holding key: String? = nil) -> String {
        if let key, let file = values[key]?.file { return "profile \(name) in \(file)" }
        return "profile \(name) in \(files.joined(separator: " and "))"
    }

    /// Merges `other`'s settings over these (used for the credentials file over the config file).
    func overridden(by other: AWSProfile) -> AWSProfile {
        var merged = self
        merged.values.merge(other.values) { _, new in new }
        merged.subSections.merge(other.subSections) { _, new in new }
        merged.files += other.files.filter { !merged.files.contains($0) }
        return merged
    }
}
