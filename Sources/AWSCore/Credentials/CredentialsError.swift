import Foundation

/// No usable AWS credentials: says which source failed or what was tried, and what to do.
package struct CredentialsError: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable {
        /// This source is not set up here (moves the chain on to the next source).
        case notConfigured(source: String, reason: String)
        case noCredentials(tried: [String])
        case unknownProfile(name: String, referencedBy: String?, searched: [String], existing: [String])
        case incompleteEnvironment(present: String, missing: String)
        case incompleteProfile(profile: String, file: String, missing: String)
        case roleCycle(profiles: [String])
        case invalidRoleConfiguration(profile: String, location: String, problem: String)
        case noRoleAssumer(roleARN: String)
        case assumeRoleFailed(roleARN: String, via: String, underlying: String)
        case roleSourceUnavailable(roleARN: String, via: String, reason: String)
        case processFailed(profile: String, command: String, exitCode: Int32, stderr: String)
        case processOutputInvalid(profile: String, command: String, problem: String, stderr: String)
        case processLaunchFailed(profile: String, command: String, underlying: String)
        case endpointNotAllowed(variable: String, uri: String)
        case tokenFileUnreadable(path: String, underlying: String)
        case requestFailed(source: String, url: String, problem: String)
        case responseInvalid(source: String, url: String, problem: String)
        case expired(source: String, expiration: Date)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    /// Whether the source simply is not available here, so a chain should try the next one.
    package var isSourceUnavailable: Bool {
        if case .notConfigured = reason { return true }
        return false
    }

    /// For an unavailable source, the line a "tried" list shows for it.
    var triedLine: String? {
        if case .notConfigured(let source, let reason) = reason { return "\(source): \(reason)" }
        return nil
    }

    static let fix = "Run `aws configure`, set AWS_PROFILE to a configured profile, "
        + "or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."

    package var description: String {
        switch reason {
        case .notConfigured(let source, let reason):
            return "no credentials from \(source): \(reason). \(Self.fix)"
        case .noCredentials(let tried):
            return "no AWS credentials found. Tried, in order:\n"
                + tried.map { "  - \($0)" }.joined(separator: "\n") + "\n" + Self.fix
        case .unknownProfile(let name, let referencedBy, let searched, let existing):
            let by = referencedBy.map { " (named by \($0))" } ?? ""
            let files = searched.isEmpty ? "no config files (HOME is not set)" : searched.joined(separator: " and ")
            let have = existing.isEmpty ? "no profiles exist there" : "profiles that exist: \(existing.joined(separator: ", "))"
            return "profile `\(name)`\(by) was not found in \(files); \(have). "
                + "Add `[profile \(name)]` to the config file (or `[\(name)]` to the credentials file), "
                + "run `aws configure --profile \(name)`, or use one of the existing profiles."
        case .incompleteEnvironment(let present, let missing):
            return "\(present) is set but \(missing) is not. Export both, or unset \(present) to use a profile."
        case .incompleteProfile(let profile, let file, let missing):
            return "profile \(profile) in \(file) has credentials but no `\(missing)`. "
                + "Add `\(missing) = ...` to the profile, or run `aws configure --profile \(profile)`."
        case .roleCycle(let profiles):
            return "the profiles' source_profile settings form a cycle: \(profiles.joined(separator: " -> ")). "
                + "Point one of them at a profile with its own keys (aws_access_key_id/aws_secret_access_key) "
                + "or use credential_source."
        case .invalidRoleConfiguration(let profile, let location, let problem):
            return "profile \(profile) (\(location)): \(problem)"
        case .noRoleAssumer(let roleARN):
            return "cannot assume \(roleARN): no STS client was provided to assume roles. This is a bug in the caller."
        case .assumeRoleFailed(let roleARN, let via, let underlying):
            return "assuming \(roleARN) with credentials from \(via) failed: \(underlying). "
                + "Check that the role's trust policy allows the source identity and that external_id is right."
        case .roleSourceUnavailable(let roleARN, let via, let reason):
            return "cannot assume \(roleARN): its source \(via) has no credentials (\(reason)). "
                + "Set up the source, or change the profile's source_profile / credential_source."
        case .processFailed(let profile, let command, let exitCode, let stderr):
            return "credential_process of profile \(profile) (`\(command)`) exited with status \(exitCode). "
                + "Run the command yourself to see what it needs (a login, a token)." + Self.stderrBlock(stderr)
        case .processOutputInvalid(let profile, let command, let problem, let stderr):
            return "credential_process of profile \(profile) (`\(command)`) printed output that is not valid "
                + "credentials: \(problem). It must print JSON like "
                + "{\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ...}." + Self.stderrBlock(stderr)
        case .processLaunchFailed(let profile, let command, let underlying):
            return "could not start credential_process of profile \(profile) (`\(command)`): \(underlying)."
        case .endpointNotAllowed(let variable, let uri):
            return "\(variable)=\(uri) is not allowed: plain http is only accepted for loopback addresses and the "
                + "ECS/EKS metadata addresses. Use https, or a local address."
        case .tokenFileUnreadable(let path, let underlying):
            return "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path): \(underlying)."
        case .requestFailed(let source, let url, let problem):
            return "fetching credentials from \(source) (\(url)) failed: \(problem)."
        case .responseInvalid(let source, let url, let problem):
            return "\(source) (\(url)) returned something that is not credentials: \(problem)."
        case .expired(let source, let expiration):
            return "the credentials from \(source) expired at \(Self.format(expiration)). "
                + "Refresh them (log in again, or renew the session) and retry."
        }
    }

    private static func stderrBlock(_ stderr: String) -> String {
        let trimmed = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "" : "\nIts stderr:\n\(trimmed)"
    }

    private static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
