import Foundation

/// The AWS shared config and credentials files, read as the AWS CLI reads them.
///
/// Paths come from `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`, defaulting to
/// `~/.aws/config` and `~/.aws/credentials` with `HOME` taken from the given environment.
/// A missing file is the same as an empty one.
package struct AWSSharedConfig: Sendable, Equatable {
    /// The config file path, or nil when it cannot be located (no `HOME`).
    package let configFile: String?
    /// The credentials file path, or nil when it cannot be located (no `HOME`).
    package let credentialsFile: String?
    /// Profiles by name, merged from both files.
    package let profiles: [String: AWSProfile]
    /// `[services name]` sections of the config file by name.
    package let servicesSections: [String: SharedConfigSection]

    /// The files searched, as shown in messages (`~/.aws/credentials`, `~/.aws/config`).
    package let searchedFiles: [String]

    /// Reads both files for `environment`. Throws when a file exists but is malformed or unreadable.
    package static func load(environment: [String: String]) throws(SharedConfigError) -> AWSSharedConfig {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        let configPath = resolvePath(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: home)
        let credentialsPath = resolvePath(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: home)
        var configText: String?
        var credentialsText: String?
        if let configPath { configText = try read(configPath, home: home) }
        if let credentialsPath { credentialsText = try read(credentialsPath, home: home) }
        return try AWSSharedConfig(
            configText: configText, configFile: configPath.map { display($0, home: home) },
            credentialsText: credentialsText, credentialsFile: credentialsPath.map { display($0, home: home) }
        )
    }

    /// Builds the configuration from file contents; `configFile`/`credentialsFile` are the names
    /// used in messages.
    package init(configText: String?, configFile: String?, credentialsText: String?, credentialsFile: String?) throws(SharedConfigError) {
        self.configFile = configFile
        self.credentialsFile = credentialsFile
        searchedFiles = [credentialsFile, configFile].compactMap { $0 }
        var profiles: [String: AWSProfile] = [:]
        var services: [String: SharedConfigSection] = [:]

        if let configText, let configFile {
            for section in try SharedConfigParser.parse(configText, file: configFile) {
                let words = section.header.split(separator: " ", maxSplits: 1).map(String.init)
                if words.count == 1, words[0] == "default" {
                    profiles["default"] = Self.profile("default", from: section, file: configFile, mergingInto: profiles["default"])
                } else if words.count == 2, words[0] == "profile" {
                    profiles[words[1]] = Self.profile(words[1], from: section, file: configFile, mergingInto: profiles[words[1]])
                } else if words.count == 2, words[0] == "services" {
                    services[words[1]] = section
                }
                // Other sections (`[sso-session x]`, or `[x]` without `profile`) are not profiles,
                // as in the AWS CLI.
            }
        }
        if let credentialsText, let credentialsFile {
            for section in try SharedConfigParser.parse(credentialsText, file: credentialsFile) {
                let fromCredentials = Self.profile(section.header, from: section, file: credentialsFile, mergingInto: nil)
                profiles[section.header] = profiles[section.header].map { $0.overridden(by: fromCredentials) } ?? fromCredentials
            }
        }
        self.profiles = profiles
        servicesSections = services
    }

    /// The profile with this name, or nil.
    package func profile(_ name: String) -> AWSProfile? { profiles[name] }

    /// Every profile name, sorted.
    package var profileNames: [String] { profiles.keys.sorted() }

    private static func profile(_ name: String, from section: SharedConfigSection, file: String, mergingInto existing: AWSProfile?) -> AWSProfile {
        let profile = AWSProfile(name: name, values: section.values, subSections: section.subSections, files: [file])
        return existing.map { $0.overridden(by: profile) } ?? profile
    }

    /// Expands a leading `~` with `home`; nil when that is needed but there is no home.
    static func resolvePath(_ path: String, home: String?) -> String? {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        guard let home else { return nil }
        return home + path.dropFirst()
    }

    /// `~/.aws/config` for paths under `home`, the path otherwise.
    static func display(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty else { return path }
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }

    private static func read(_ path: String, home: String?) throws(SharedConfigError) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            throw SharedConfigError(.unreadable(file: display(path, home: home), reason: "it is a directory"))
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw SharedConfigError(.unreadable(file: display(path, home: home), reason: "it is not UTF-8 text"))
            }
            return text
        } catch let error as SharedConfigError {
            throw error
        } catch {
            throw SharedConfigError(.unreadable(file: display(path, home: home), reason: error.localizedDescription))
        }
    }
}
