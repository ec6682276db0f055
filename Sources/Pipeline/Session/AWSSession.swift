import AWSCore
import AWSServices
import Foundation

/// Resolved AWS settings and the one client every engine of a command shares.
public struct AWSSession: Sendable {
    public let settings: ResolvedAWSSettings
    public let client: AWSClient

    /// Resolves credentials, region and endpoints and builds the client.
    ///
    /// - Throws: `SharedConfigError`, `CredentialsError` or `ResolutionError` with a message that
    ///   names the cause and the fix.
    public static func make(_ options: AWSSessionOptions, transport: any HTTPTransport = URLSessionTransport()) throws -> AWSSession {
        let roleAssumer = STSRoleAssumer(options: options, transport: transport)
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

    public var sts: STS { STS(client: client) }
    public var s3: S3 { S3(client: client) }
}

/// Assumes roles for `role_arn` profiles through STS, signed with the source profile's credentials.
struct STSRoleAssumer: RoleAssumer {
    let options: AWSSessionOptions
    let transport: any HTTPTransport

    func assumeRole(_ request: AssumeRoleRequest, using credentials: AWSCredentials) async throws -> AWSCredentials {
        let resolver = AWSEnvironmentResolver(
            environment: options.processEnvironment, profile: options.profile, region: options.region,
            endpointURL: options.endpointURL, transport: transport)
        let region = (try? resolver.resolveRegion().name) ?? "us-east-1"
        let config = try? resolver.sharedConfig()
        let endpoints = EndpointResolver(
            region: region, explicitURL: options.endpointURL, environment: options.processEnvironment,
            profile: config?.profile(resolver.explicitProfile ?? "default"), config: config)
        let client = AWSClient(
            credentialProvider: StaticCredentialProvider(credentials),
            endpoints: { service in try endpoints.endpoint(for: service) }, transport: transport)
        let assumed = try await STS(client: client).assumeRole(
            roleArn: request.roleARN, sessionName: request.roleSessionName,
            durationSeconds: request.durationSeconds, externalId: request.externalID)
        return AWSCredentials(
            accessKeyID: assumed.credentials.accessKeyId, secretAccessKey: assumed.credentials.secretAccessKey,
            sessionToken: assumed.credentials.sessionToken, expiration: assumed.credentials.expiration)
    }
}
