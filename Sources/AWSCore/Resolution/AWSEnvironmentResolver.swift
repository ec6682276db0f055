import Foundation

/// The single entry point: reads the shared config files and the environment (both injected)
/// and resolves credentials, region, endpoints and retry settings as the AWS CLI would.
package struct AWSEnvironmentResolver: Sendable {
    /// The process environment (`ProcessInfo.processInfo.environment` in the CLI).
    package let environment: [String: String]
    /// `--profile`.
    package let profile: String?
    /// `--region`.
    package let region: String?
    /// `--endpoint-url`.
    package let endpointURL: String?
    private let transport: any HTTPTransport
    private let roleAssumer: (any RoleAssumer)?
    private let containerRelativeURIBase: URL

    /// - Parameters:
    ///   - environment: the environment variables to read (never read from the process here).
    ///   - profile: `--profile`; `AWS_PROFILE` is used when nil.
    ///   - region: `--region`.
    ///   - endpointURL: `--endpoint-url`, used for every service.
    ///   - transport: for container and IMDS credential requests.
    ///   - roleAssumer: the STS AssumeRole caller for `role_arn` profiles.
    ///   - containerRelativeURIBase: where `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` points (tests).
    package init(environment: [String: String], profile: String? = nil, region: String? = nil, endpointURL: String? = nil,
                transport: any HTTPTransport = URLSessionTransport(), roleAssumer: (any RoleAssumer)? = nil,
                containerRelativeURIBase: URL = ContainerCredentialProvider.defaultRelativeURIBase) {
        self.environment = environment
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.transport = transport
        self.roleAssumer = roleAssumer
        self.containerRelativeURIBase = containerRelativeURIBase
    }

    /// The shared config and credentials files.
    package func sharedConfig() throws(SharedConfigError) -> AWSSharedConfig {
        try AWSSharedConfig.load(environment: environment)
    }

    /// The explicitly named profile (`--profile`, else `AWS_PROFILE`), if any.
    package var explicitProfile: String? {
        DefaultCredentialChain.explicitProfile(profile, environment: environment)
    }

    /// The credential chain alone.
    /// - Throws: `SharedConfigError` for a malformed file, `CredentialsError` for an unknown
    ///   explicit profile or an invalid role profile.
    package func credentialChain() throws -> CredentialProviderChain {
        try credentialChain(config: sharedConfig())
    }

    /// The region alone.
    /// - Throws: `SharedConfigError`, or `ResolutionError` when no region is set or it is invalid.
    package func resolveRegion() throws -> ResolvedRegion {
        let config = try sharedConfig()
        return try ResolvedRegion.resolve(explicit: region, environment: environment,
                                          profile: settingsProfile(in: config), config: config)
    }

    /// Resolves everything.
    /// - Throws: `SharedConfigError`, `CredentialsError` (unknown explicit profile, role profile
    ///   errors) or `ResolutionError` (no region, invalid region or retry settings). Invalid
    ///   endpoint URLs are reported by `ResolvedAWSSettings.endpoint(for:)`.
    package func resolve() throws -> ResolvedAWSSettings {
        let config = try sharedConfig()
        let chain = try credentialChain(config: config)
        let settingsProfile = settingsProfile(in: config)
        let resolvedRegion = try ResolvedRegion.resolve(explicit: region, environment: environment,
                                                        profile: settingsProfile, config: config)
        let endpoints = EndpointResolver(region: resolvedRegion.name, explicitURL: endpointURL, environment: environment,
                                         profile: settingsProfile, config: config)
        let retry = try RetrySettings.resolve(environment: environment, profile: settingsProfile)
        return ResolvedAWSSettings(credentialChain: chain, credentialSource: chain.expectedSourceDescription ?? "none",
                                   profileName: settingsProfile?.name, region: resolvedRegion,
                                   endpoints: endpoints, retry: retry)
    }

    private func credentialChain(config: AWSSharedConfig) throws(CredentialsError) -> CredentialProviderChain {
        try DefaultCredentialChain.make(environment: environment, profile: profile, config: config, transport: transport,
                                        roleAssumer: roleAssumer, containerRelativeURIBase: containerRelativeURIBase)
    }

    /// The explicit profile, or `default` when it exists.
    private func settingsProfile(in config: AWSSharedConfig) -> AWSProfile? {
        config.profile(explicitProfile ?? "default")
    }
}
