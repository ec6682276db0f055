import Foundation

/// How failed calls are retried, as configured (`AWS_RETRY_MODE` / `retry_mode`).
package enum RetryMode: String, Sendable, Equatable {
    case standard, adaptive, legacy
}

/// Attempts and retry mode from `AWS_MAX_ATTEMPTS` / `max_attempts` and `AWS_RETRY_MODE` /
/// `retry_mode` (environment first). Defaults: standard mode, 3 attempts (5 in legacy mode).
package struct RetrySettings: Sendable, Equatable {
    /// Total attempts per call, including the first.
    package var maxAttempts: Int
    /// The retry strategy.
    package var mode: RetryMode
    /// Where `maxAttempts` came from.
    package var maxAttemptsSource: SettingSource

    /// Settings with the given values.
    package init(maxAttempts: Int, mode: RetryMode, maxAttemptsSource: SettingSource = .defaultValue) {
        self.maxAttempts = maxAttempts
        self.mode = mode
        self.maxAttemptsSource = maxAttemptsSource
    }

    /// Reads both settings; throws for values that are not a positive number or a known mode.
    package static func resolve(environment: [String: String], profile: AWSProfile?) throws(ResolutionError) -> RetrySettings {
        var mode = RetryMode.standard
        if let (value, source) = setting("AWS_RETRY_MODE", "retry_mode", environment: environment, profile: profile) {
            guard let parsed = RetryMode(rawValue: value.lowercased()) else {
                throw ResolutionError(.invalidRetryMode(value: value, source: source.description))
            }
            mode = parsed
        }
        guard let (value, source) = setting("AWS_MAX_ATTEMPTS", "max_attempts", environment: environment, profile: profile) else {
            return RetrySettings(maxAttempts: mode == .legacy ? 5 : 3, mode: mode)
        }
        guard let attempts = Int(value), attempts >= 1 else {
            throw ResolutionError(.invalidMaxAttempts(value: value, source: source.description))
        }
        return RetrySettings(maxAttempts: attempts, mode: mode, maxAttemptsSource: source)
    }

    private static func setting(
        _ variable: String, _ key: String, environment: [String: String], profile: AWSProfile?
    ) -> (String, SettingSource)? {
        if let value = environment[variable]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            return (value, .environment(variable))
        }
        if let profile, let value = profile.value(key) {
            return (value, .profile(key: key, profile: profile.name, location: profile.location(of: key) ?? profile.describe()))
        }
        return nil
    }
}
