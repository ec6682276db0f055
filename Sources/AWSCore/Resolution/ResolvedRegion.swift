import Foundation

/// Where a setting's value came from, for messages and `ferry doctor`.
package enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    /// A command-line flag (`--region`, `--endpoint-url`).
    case flag(String)
    /// An environment variable.
    case environment(String)
    /// A key in a profile: `region in profile dev (~/.aws/config line 3)`.
    case profile(key: String, profile: String, location: String)
    /// Nothing set; the built-in default.
    case defaultValue

    package var description: String {
        switch self {
        case .flag(let flag): return flag
        case .environment(let name): return name
        case .profile(let key, let profile, let location): return "\(key) in profile \(profile) (\(location))"
        case .defaultValue: return "default"
        }
    }
}

/// The region requests go to, and where it was set.
package struct ResolvedRegion: Sendable, Equatable {
    /// The region name (`eu-central-1`).
    package var name: String
    /// Where it was set.
    package var source: SettingSource

    /// A region and where it was set.
    package init(name: String, source: SettingSource) {
        self.name = name
        self.source = source
    }

    /// Finds the region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    package static func resolve(
        explicit: String?, environment: [String: String], profile: AWSProfile?, config: AWSSharedConfig?
    ) throws(ResolutionError) -> ResolvedRegion {
        let candidates: [(String?, SettingSource)] = [
            (explicit, .flag("--region")),
            (environment["AWS_REGION"], .environment("AWS_REGION")),
            (environment["AWS_DEFAULT_REGION"], .environment("AWS_DEFAULT_REGION")),
            (profile?.value("region"), profile.map { profile in
                SettingSource.profile(key: "region", profile: profile.name,
                                      location: profile.location(of: "region") ?? profile.describe())
            } ?? SettingSource.defaultValue),
        ]
        for (value, source) in candidates {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            guard isValidRegionName(value) else {
                throw ResolutionError(.invalidRegion(value: value, source: source.description))
            }
            return ResolvedRegion(name: value, source: source)
        }
        throw ResolutionError(.noRegion(profile: profile?.name, files: config?.searchedFiles ?? []))
    }

    /// A DNS label: letters, digits and hyphens, not starting or ending with a hyphen.
    static func isValidRegionName(_ name: String) -> Bool {
        guard (1...63).contains(name.count), !name.hasPrefix("-"), !name.hasSuffix("-") else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
    }
}
