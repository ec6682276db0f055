import AWSSigV4
import Foundation

/// Builds the credential chain in the AWS CLI's order.
///
/// With a profile named explicitly (`--profile` or `AWS_PROFILE`) only that profile's sources
/// are used. Otherwise: environment variables, the `default` profile (role, keys,
/// `credential_process`), container credentials, then EC2 instance metadata (unless
/// `AWS_EC2_METADATA_DISABLED=true`).
package enum DefaultCredentialChain {
    /// The chain for `environment` and `config`.
    ///
    /// - Parameters:
    ///   - profile: the `--profile` value; `AWS_PROFILE` is used when nil.
    ///   - roleAssumer: makes STS AssumeRole calls for `role_arn` profiles; when nil such
    ///     profiles fail with a clear error when their credentials are asked for.
    ///   - containerRelativeURIBase: where `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` points.
    /// - Throws: `CredentialsError` for an unknown explicit profile, a `source_profile` cycle or
    ///   an invalid role profile.
    package static func make(
        environment: [String: String], profile: String?, config: AWSSharedConfig,
        transport: any HTTPTransport, roleAssumer: (any RoleAssumer)?,
        containerRelativeURIBase: URL = ContainerCredentialProvider.defaultRelativeURIBase,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(CredentialsError) -> CredentialProviderChain {
        let resolver = ProfileSourceResolver(config: config, environment: environment, transport: transport,
                                             roleAssumer: roleAssumer ?? MissingRoleAssumer(),
                                             containerRelativeURIBase: containerRelativeURIBase, now: now)
        if let name = explicitProfile(profile, environment: environment) {
            guard let named = config.profile(name) else {
                throw CredentialsError(.unknownProfile(name: name, referencedBy: profile == nil ? "AWS_PROFILE" : nil,
                                                       searched: config.searchedFiles, existing: config.profileNames))
            }
            let source = try resolver.source(for: named)
                ?? UnavailableCredentialSource(named.describe(),
                                               reason: "it sets no aws_access_key_id, role_arn or credential_process")
            return CredentialProviderChain(sources: [source])
        }

        var sources: [any CredentialSource] = []
        if EnvironmentCredentialProvider.isConfigured(environment) {
            sources.append(EnvironmentCredentialProvider(environment: environment))
        } else {
            sources.append(UnavailableCredentialSource("environment", reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"))
        }
        if let defaultProfile = config.profile("default") {
            sources.append(try resolver.source(for: defaultProfile)
                ?? UnavailableCredentialSource(defaultProfile.describe(),
                                               reason: "it sets no aws_access_key_id, role_arn or credential_process"))
        } else {
            let files = config.searchedFiles.isEmpty ? "no config files (HOME is not set)" : config.searchedFiles.joined(separator: " and ")
            sources.append(UnavailableCredentialSource("profile default", reason: "not found in \(files)"))
        }
        if ContainerCredentialProvider.isConfigured(environment) {
            sources.append(ContainerCredentialProvider(environment: environment, transport: transport,
                                                       relativeURIBase: containerRelativeURIBase,
                                                       cache: CredentialCache(now: now), now: now))
        } else {
            sources.append(UnavailableCredentialSource(
                "container credentials", reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set"))
        }
        if IMDSCredentialProvider.isDisabled(environment) {
            sources.append(UnavailableCredentialSource("IMDS", reason: "disabled by AWS_EC2_METADATA_DISABLED=true"))
        } else {
            sources.append(IMDSCredentialProvider(environment: environment, transport: transport,
                                                  cache: CredentialCache(now: now), now: now))
        }
        return CredentialProviderChain(sources: sources)
    }

    /// `--profile`, else a non-empty `AWS_PROFILE`.
    package static func explicitProfile(_ profile: String?, environment: [String: String]) -> String? {
        if let profile, !profile.isEmpty { return profile }
        return EnvironmentCredentialProvider.nonEmpty(environment["AWS_PROFILE"])
    }
}
