import AWSSigV4
import Foundation

/// Credentials from the ECS/EKS container endpoint: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
/// (appended to `http://169.254.170.2`) or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN` sent as the
/// `Authorization` header. Cached until 5 minutes before expiry.
package struct ContainerCredentialProvider: CredentialSource {
    /// The ECS task metadata address relative URIs are appended to.
    package static let defaultRelativeURIBase = URL(string: "http://169.254.170.2")!

    private let environment: [String: String]
    private let transport: any HTTPTransport
    private let relativeURIBase: URL
    private let timeout: TimeInterval
    private let cache: CredentialCache
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - environment: the process environment.
    ///   - transport: sends the request.
    ///   - relativeURIBase: where relative URIs point (tests use a loopback server).
    ///   - timeout: seconds per attempt (`AWS_METADATA_SERVICE_TIMEOUT`, else 2).
    package init(environment: [String: String], transport: any HTTPTransport,
                relativeURIBase: URL = ContainerCredentialProvider.defaultRelativeURIBase, timeout: TimeInterval? = nil,
                cache: CredentialCache = CredentialCache(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.environment = environment
        self.transport = transport
        self.relativeURIBase = relativeURIBase
        self.timeout = timeout ?? IMDSCredentialProvider.metadataTimeout(environment, default: 2)
        self.cache = cache
        self.now = now
    }

    package var sourceDescription: String { "container" }

    /// Whether either container URI variable is set.
    package static func isConfigured(_ environment: [String: String]) -> Bool {
        EnvironmentCredentialProvider.nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]) != nil
            || EnvironmentCredentialProvider.nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"]) != nil
    }

    package func credentials() async throws -> AWSCredentials {
        try await cache.credentials { [self] in try await fetch() }
    }

    /// The endpoint for this environment; throws for hosts that may not be reached over http.
    func endpoint() throws(CredentialsError) -> URL {
        if let relative = EnvironmentCredentialProvider.nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]) {
            let base = relativeURIBase.absoluteString.hasSuffix("/") ? String(relativeURIBase.absoluteString.dropLast()) : relativeURIBase.absoluteString
            let path = relative.hasPrefix("/") ? relative : "/" + relative
            guard let url = URL(string: base + path) else {
                throw CredentialsError(.endpointNotAllowed(variable: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", uri: relative))
            }
            return url
        }
        guard let full = EnvironmentCredentialProvider.nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"]) else {
            throw CredentialsError(.notConfigured(source: sourceDescription,
                                                  reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set"))
        }
        guard let url = URL(string: full), let scheme = url.scheme?.lowercased(), let host = url.host else {
            throw CredentialsError(.endpointNotAllowed(variable: "AWS_CONTAINER_CREDENTIALS_FULL_URI", uri: full))
        }
        if scheme == "https" { return url }
        guard scheme == "http", Self.isAllowedHTTPHost(host) else {
            throw CredentialsError(.endpointNotAllowed(variable: "AWS_CONTAINER_CREDENTIALS_FULL_URI", uri: full))
        }
        return url
    }

    /// Loopback addresses and the ECS/EKS metadata addresses.
    static func isAllowedHTTPHost(_ rawHost: String) -> Bool {
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host == "localhost" || host == "::1" || host == "169.254.170.2" || host == "169.254.170.23" || host == "fd00:ec2::23" {
            return true
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    private func authorizationToken() throws(CredentialsError) -> String? {
        if let path = EnvironmentCredentialProvider.nonEmpty(environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]) {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw CredentialsError(.tokenFileUnreadable(path: path, underlying: error.localizedDescription))
            }
        }
        return EnvironmentCredentialProvider.nonEmpty(environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"])
    }

    private func fetch() async throws -> AWSCredentials {
        let url = try endpoint()
        var request = HTTPRequest(method: "GET", url: url, headers: [("Accept", "application/json")], timeout: timeout)
        if let token = try authorizationToken() {
            guard !token.contains("\r"), !token.contains("\n") else {
                throw CredentialsError(.responseInvalid(source: sourceDescription, url: url.absoluteString,
                                                        problem: "the authorization token contains a line break"))
            }
            request.setHeader("Authorization", token)
        }
        let response: HTTPResponse
        do {
            response = try await sendWithOneRetry(request)
        } catch let error as TransportError {
            throw CredentialsError(.requestFailed(source: sourceDescription, url: url.absoluteString, problem: error.description))
        }
        guard response.statusCode == 200 else {
            let body = String(decoding: response.body.prefix(300), as: UTF8.self)
            throw CredentialsError(.requestFailed(source: sourceDescription, url: url.absoluteString,
                                                  problem: "HTTP \(response.statusCode) \(body)"))
        }
        let credentials: AWSCredentials
        do {
            credentials = try CredentialsDocument.decode(response.body)
        } catch {
            throw CredentialsError(.responseInvalid(source: sourceDescription, url: url.absoluteString, problem: error.message))
        }
        try CredentialsDocument.rejectExpired(credentials, source: sourceDescription, now: now())
        return credentials
    }

    private func sendWithOneRetry(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await transport.send(request)
        } catch let error as TransportError where error.isTransient {
            return try await transport.send(request)
        }
    }
}
