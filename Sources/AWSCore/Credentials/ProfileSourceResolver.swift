import AWSSigV4
import Foundation

/// Turns a profile into the credential source it describes, following `source_profile` chains:
/// `role_arn` first, then keys in the credentials file, then `credential_process`, then keys in
/// the config file (the AWS CLI's order).
struct ProfileSourceResolver: Sendable {
    let config: AWSSharedConfig
    let environment: [String: String]
    let transport: any HTTPTransport
    let roleAssumer: any RoleAssumer
    let containerRelativeURIBase: URL
    let now: @Sendable () -> Date

    /// The source for `profile`, or nil when the profile sets no credentials at all.
    func source(for profile: AWSProfile) throws(CredentialsError) -> (any CredentialSource)? {
        try source(for: profile, visited: [profile.name])
    }

    private func source(for profile: AWSProfile, visited: [String]) throws(CredentialsError) -> (any CredentialSource)? {
        if profile.value("role_arn") != nil {
            return try roleSource(for: profile, visited: visited)
        }
        return nonRoleSource(for: profile)
    }

    /// Static keys (credentials file first) or `credential_process`.
    private func nonRoleSource(for profile: AWSProfile) -> (any CredentialSource)? {
        let hasKeys = ProfileCredentialProvider.hasStaticKeys(profile)
        let keysInCredentialsFile = [profile.values["aws_access_key_id"], profile.values["aws_secret_access_key"]]
            .contains { $0 != nil && $0?.file == config.credentialsFile }
        if hasKeys && keysInCredentialsFile { return ProfileCredentialProvider(profile: profile) }
        if let command = profile.value("credential_process") {
            return ProcessCredentialProvider(command: command, profileName: profile.name, environment: environment,
                                             cache: CredentialCache(now: now), now: now)
        }
        if hasKeys { return ProfileCredentialProvider(profile: profile) }
        return nil
    }

    private func roleSource(for profile: AWSProfile, visited: [String]) throws(CredentialsError) -> any CredentialSource {
        let roleARN = profile.value("role_arn") ?? ""
        let location = profile.location(of: "role_arn") ?? profile.describe()
        func invalid(_ problem: String) -> CredentialsError {
            CredentialsError(.invalidRoleConfiguration(profile: profile.name, location: location, problem: problem))
        }
        if profile.value("mfa_serial") != nil {
            throw invalid("mfa_serial is set, and ferry cannot prompt for an MFA code. Get session credentials "
                + "first (`aws sts get-session-token` or `aws sso login`) and use a profile without mfa_serial.")
        }
        var durationSeconds: Int?
        if let text = profile.value("duration_seconds") {
            guard let value = Int(text), (900...43_200).contains(value) else {
                throw invalid("duration_seconds = \(text) must be a whole number of seconds from 900 to 43200.")
            }
            durationSeconds = value
        }
        let request = AssumeRoleRequest(
            roleARN: roleARN,
            roleSessionName: profile.value("role_session_name") ?? "ferry-\(Int(now().timeIntervalSince1970))",
            externalID: profile.value("external_id"),
            durationSeconds: durationSeconds
        )
        let (source, via) = try roleCredentialSource(for: profile, visited: visited, invalid: invalid)
        return AssumeRoleCredentialProvider(request: request, source: source, via: via, roleAssumer: roleAssumer,
                                            cache: CredentialCache(now: now))
    }

    /// Where the credentials that sign AssumeRole come from: `source_profile` or `credential_source`.
    private func roleCredentialSource(
        for profile: AWSProfile, visited: [String], invalid: (String) -> CredentialsError
    ) throws(CredentialsError) -> (any CredentialProvider, String) {
        switch (profile.value("source_profile"), profile.value("credential_source")) {
        case (.some, .some):
            throw invalid("set either source_profile or credential_source, not both.")
        case (nil, nil):
            throw invalid("role_arn needs source_profile (a profile with keys) or credential_source "
                + "(Environment, Ec2InstanceMetadata or EcsContainer).")
        case (nil, .some(let credentialSource)):
            switch credentialSource {
            case "Environment":
                return (EnvironmentCredentialProvider(environment: environment), "Environment")
            case "Ec2InstanceMetadata":
                return (IMDSCredentialProvider(environment: environment, transport: transport, cache: CredentialCache(now: now), now: now),
                        "Ec2InstanceMetadata")
            case "EcsContainer":
                return (ContainerCredentialProvider(environment: environment, transport: transport,
                                                    relativeURIBase: containerRelativeURIBase, cache: CredentialCache(now: now), now: now),
                        "EcsContainer")
            default:
                throw invalid("credential_source = \(credentialSource) is not one of Environment, Ec2InstanceMetadata, EcsContainer.")
            }
        case (.some(let sourceName), nil):
            return try sourceProfileCredentials(sourceName, of: profile, visited: visited)
        }
    }

    private func sourceProfileCredentials(
        _ sourceName: String, of profile: AWSProfile, visited: [String]
    ) throws(CredentialsError) -> (any CredentialProvider, String) {
        if sourceName == profile.name {
            // A role profile may name itself to sign with its own keys.
            guard ProfileCredentialProvider.hasStaticKeys(profile) else {
                throw CredentialsError(.roleCycle(profiles: visited + [sourceName]))
            }
            return (ProfileCredentialProvider(profile: profile), "profile \(sourceName)")
        }
        if visited.contains(sourceName) {
            throw CredentialsError(.roleCycle(profiles: visited + [sourceName]))
        }
        guard let sourceProfile = config.profile(sourceName) else {
            throw CredentialsError(.unknownProfile(name: sourceName, referencedBy: "source_profile of profile \(profile.name)",
                                                   searched: config.searchedFiles, existing: config.profileNames))
        }
        // As in the CLI, a source profile's own keys win over its role_arn.
        let source: (any CredentialSource)?
        if ProfileCredentialProvider.hasStaticKeys(sourceProfile) {
            source = ProfileCredentialProvider(profile: sourceProfile)
        } else {
            source = try self.source(for: sourceProfile, visited: visited + [sourceName])
        }
        guard let source else {
            throw CredentialsError(.invalidRoleConfiguration(
                profile: profile.name, location: profile.location(of: "source_profile") ?? profile.describe(),
                problem: "source_profile \(sourceName) has no credentials (no aws_access_key_id, role_arn or credential_process)."))
        }
        return (source, "profile \(sourceName)")
    }
}
