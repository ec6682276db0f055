import Foundation

/// Everything a client needs to talk to AWS, worked out once: credentials, region, endpoints
/// and retry settings, each with where it came from.
package struct ResolvedAWSSettings: Sendable {
    /// The credential chain (use it as the client's `CredentialProvider`).
    package let credentialChain: CredentialProviderChain
    /// Where the credentials are expected to come from (`environment`,
    /// `profile dev in ~/.aws/credentials`, `assume role arn:... via profile base`, `container`,
    /// `IMDS`), or `none` when no source is set up. `credentialChain.describeSource()` confirms it
    /// by fetching.
    package let credentialSource: String
    /// The profile settings were read from (the explicit one, or `default` when it exists).
    package let profileName: String?
    /// The region name (`eu-central-1`).
    package let region: String
    /// Where the region was set.
    package let regionSource: SettingSource
    /// Endpoint resolution for the region.
    package let endpoints: EndpointResolver
    /// Attempts and retry mode.
    package let retry: RetrySettings

    /// Settings from resolved parts (normally built by `AWSEnvironmentResolver.resolve()`).
    package init(credentialChain: CredentialProviderChain, credentialSource: String, profileName: String?,
                region: ResolvedRegion, endpoints: EndpointResolver, retry: RetrySettings) {
        self.credentialChain = credentialChain
        self.credentialSource = credentialSource
        self.profileName = profileName
        self.region = region.name
        self.regionSource = region.source
        self.endpoints = endpoints
        self.retry = retry
    }

    /// The credential provider for clients.
    package var credentials: any CredentialProvider { credentialChain }

    /// Total attempts per call.
    package var maxAttempts: Int { retry.maxAttempts }

    /// Where `service` is reached; throws when a configured endpoint URL is invalid.
    package func endpoint(for service: AWSService) throws(ResolutionError) -> ServiceEndpoint {
        try endpoints.endpoint(for: service)
    }
}
