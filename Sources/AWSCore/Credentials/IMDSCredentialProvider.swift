import AWSSigV4
import Foundation

/// Credentials of the EC2 instance's IAM role through IMDSv2: `PUT /latest/api/token`, then
/// `GET /latest/meta-data/iam/security-credentials/` and `.../<role>` with the token.
///
/// The endpoint is `AWS_EC2_METADATA_SERVICE_ENDPOINT` (default `http://169.254.169.254`).
/// Timeouts are short (1 s) so that a machine outside EC2 is not held up; no answer counts as
/// "not available" so a chain moves on. Cached until 5 minutes before expiry.
package struct IMDSCredentialProvider: CredentialSource {
    /// The link-local IMDS address.
    package static let defaultEndpoint = "http://169.254.169.254"

    /// The metadata service base URL.
    package let endpoint: String
    private let transport: any HTTPTransport
    private let timeout: TimeInterval
    private let cache: CredentialCache
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - environment: read for `AWS_EC2_METADATA_SERVICE_ENDPOINT`.
    ///   - transport: sends the requests.
    ///   - timeout: seconds per request (`AWS_METADATA_SERVICE_TIMEOUT`, else 1).
    package init(environment: [String: String], transport: any HTTPTransport, timeout: TimeInterval? = nil,
                cache: CredentialCache = CredentialCache(), now: @escaping @Sendable () -> Date = { Date() }) {
        let configured = EnvironmentCredentialProvider.nonEmpty(environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"])
        let base = configured ?? Self.defaultEndpoint
        endpoint = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.transport = transport
        self.timeout = timeout ?? Self.metadataTimeout(environment, default: 1)
        self.cache = cache
        self.now = now
    }

    /// `AWS_METADATA_SERVICE_TIMEOUT` in seconds, else `fallback`.
    static func metadataTimeout(_ environment: [String: String], default fallback: TimeInterval) -> TimeInterval {
        guard let text = environment["AWS_METADATA_SERVICE_TIMEOUT"], let seconds = TimeInterval(text), seconds > 0 else {
            return fallback
        }
        return seconds
    }

    /// Whether `AWS_EC2_METADATA_DISABLED` is `true`.
    package static func isDisabled(_ environment: [String: String]) -> Bool {
        environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true"
    }

    package var sourceDescription: String { "IMDS" }

    package func credentials() async throws -> AWSCredentials {
        try await cache.credentials { [self] in try await fetch() }
    }

    private func fetch() async throws -> AWSCredentials {
        let token = try await send("PUT", "/latest/api/token", headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")])
        let tokenHeader = [("X-aws-ec2-metadata-token", String(decoding: token.body, as: UTF8.self))]
        let roles = try await send("GET", "/latest/meta-data/iam/security-credentials/", headers: tokenHeader)
        let roleList = String(decoding: roles.body, as: UTF8.self)
        guard let role = roleList.split(whereSeparator: \.isNewline).first.map({ $0.trimmingCharacters(in: .whitespaces) }),
              !role.isEmpty else {
            throw CredentialsError(.notConfigured(source: "IMDS at \(endpoint)", reason: "the instance has no IAM role attached"))
        }
        let path = "/latest/meta-data/iam/security-credentials/" + role
        let document = try await send("GET", path, headers: tokenHeader)
        let credentials: AWSCredentials
        do {
            credentials = try CredentialsDocument.decode(document.body)
        } catch {
            throw CredentialsError(.responseInvalid(source: "IMDS", url: endpoint + path, problem: error.message))
        }
        try CredentialsDocument.rejectExpired(credentials, source: "IMDS role \(role)", now: now())
        return credentials
    }

    /// One request; no answer means IMDS is not there, 404 on the role list means no role.
    private func send(_ method: String, _ path: String, headers: [(name: String, value: String)]) async throws -> HTTPResponse {
        guard let url = URL(string: endpoint + path) else {
            throw CredentialsError(.requestFailed(source: "IMDS", url: endpoint + path,
                                                  problem: "AWS_EC2_METADATA_SERVICE_ENDPOINT is not a valid URL"))
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: method, url: url, headers: headers, timeout: timeout))
        } catch let error as TransportError {
            throw CredentialsError(.notConfigured(source: "IMDS at \(endpoint)", reason: "no answer (\(error.description))"))
        }
        if response.statusCode != 200, path == "/latest/api/token" {
            // Not an instance metadata service that hands out tokens (off EC2 something else
            // answered, or IMDS is disabled): the source is simply not available here.
            throw CredentialsError(.notConfigured(source: "IMDS at \(endpoint)",
                                                  reason: "the token request was answered with HTTP \(response.statusCode)"))
        }
        if response.statusCode == 404, path.hasSuffix("/security-credentials/") {
            throw CredentialsError(.notConfigured(source: "IMDS at \(endpoint)", reason: "the instance has no IAM role attached"))
        }
        guard response.statusCode == 200 else {
            let body = String(decoding: response.body.prefix(300), as: UTF8.self)
            throw CredentialsError(.requestFailed(source: "IMDS", url: url.absoluteString, problem: "HTTP \(response.statusCode) \(body)"))
        }
        return response
    }
}
