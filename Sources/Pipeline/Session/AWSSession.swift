import AWSCore
import AWSServices
import Foundation

/// Resolved AWS settings and the one client every engine of a command shares.
package struct AWSSession: Sendable {
    package let settings: ResolvedAWSSettings
    package let client: AWSClient

    /// Resolves credentials, region and endpoints and builds the client.
    ///
    /// - Throws: `SharedConfigError`, `CredentialsError` or `ResolutionError` with a message that
    ///   names the cause and the fix.
    package static func make(_ options: AWSSessionOptions, transport: any HTTPTransport = URLSessionTransport()) throws -> AWSSession {
        let roleAssumer = STSRoleAssumer { credentials in
            AWSClient(credentialProvider: credentials, endpoints: { service in try stsEndpoints(options, transport: transport)(service) },
                      transport: transport)
        }
        let resolver = AWSEnvironmentResolver(
            environment: options.processEnvironment, profile: options.profile, region: options.region,
            endpointURL: options.endpointURL, transport: transport, roleAssumer: roleAssumer)
        let settings = try resolver.resolve()
        let client = AWSClient(
            credentialProvider: settings.credentials,
            endpoints: { service in try settings.endpoint(for: service) },
            transport: transport,
            retry: .standard(maxAttempts: settings.maxAttempts),
            trace: options.trace.map { sink in { @Sendable trace in sink(String(describing: trace)) } })
        return AWSSession(settings: settings, client: client)
    }

    package var sts: STS { STS(client: client) }
    package var s3: S3 { S3(client: client) }
}

/// Endpoints for the STS calls of a role profile: the same region and endpoint settings, resolved
/// without credentials (they are the source profile's).
private func stsEndpoints(_ options: AWSSessionOptions, transport: any HTTPTransport) throws -> @Sendable (AWSService) throws -> ServiceEndpoint {
    let resolver = AWSEnvironmentResolver(
        environment: options.processEnvironment, profile: options.profile, region: options.region,
        endpointURL: options.endpointURL, transport: transport)
    let region = (try? resolver.resolveRegion().name) ?? "us-east-1"
    let config = try resolver.sharedConfig()
    let endpoints = EndpointResolver(
        region: region, explicitURL: options.endpointURL, environment: options.processEnvironment,
        profile: config.profile(resolver.explicitProfile ?? "default"), config: config)
    return { service in try endpoints.endpoint(for: service) }
}
