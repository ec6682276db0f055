// The OCI distribution API (blobs and manifests) over AWSCore's HTTP transport.
import AWSCore
import Foundation

/// A client of one registry (ECR's `proxyEndpoint`) with Basic credentials: checks blobs with
/// `HEAD`, uploads a blob with one `POST` and one `PUT` of its whole bytes (ECR discards the data
/// of chunked `PATCH`es after the first), and puts manifests. An anonymous client (public
/// registries) answers a `401` with `WWW-Authenticate: Bearer realm=…` by getting a token from
/// the realm and sending the request again (see `RegistryClient+Pull.swift`).
package struct RegistryClient: Sendable {
    /// The registry base URL.
    package let endpoint: URL
    private let authorization: String?
    let transport: any HTTPTransport
    /// Bearer tokens got for an anonymous client, by scope.
    let bearerTokens = RegistryBearerTokens()

    /// A client of `authorization.endpoint` sending `Basic <token>`.
    package init(_ authorization: RegistryAuthorization, transport: any HTTPTransport = URLSessionTransport()) {
        self.endpoint = authorization.endpoint
        self.authorization = "Basic \(authorization.token)"
        self.transport = transport
    }

    /// An anonymous client of `endpoint` (a public registry): bearer tokens are got when challenged.
    package init(anonymous endpoint: URL, transport: any HTTPTransport = URLSessionTransport()) {
        self.endpoint = endpoint
        self.authorization = nil
        self.transport = transport
    }

    /// Whether `repository` has the blob `digest` (`HEAD /v2/<name>/blobs/<digest>`).
    package func hasBlob(repository: String, digest: String) async throws -> Bool {
        let response = try await send("HEAD", "/v2/\(repository)/blobs/\(digest)")
        if response.statusCode == 404 { return false }
        try check(response, "HEAD", "/v2/\(repository)/blobs/\(digest)")
        return true
    }

    /// Uploads the file at `path` (`size` bytes) as blob `digest`: one `POST`, then one `PUT ?digest=`.
    package func uploadBlob(repository: String, digest: String, path: String, size: UInt64) async throws {
        let start = "/v2/\(repository)/blobs/uploads/"
        let started = try await send("POST", start)
        try check(started, "POST", start)
        guard let location = started.header("Location") else {
            throw RegistryError(.status(operation: "POST", url: start, status: started.statusCode, body: "no Location header"))
        }
        var url = URL(string: location, relativeTo: endpoint)?.absoluteURL ?? endpoint
        if var components = URLComponents(url: url, resolvingAgainstBaseURL: true) {
            let items = components.queryItems ?? []
            components.queryItems = items + [URLQueryItem(name: "digest", value: digest)]
            url = components.url ?? url
        }
        let finished = try await send("PUT", url: url,
                                      headers: [("Content-Type", "application/octet-stream"), ("Content-Length", String(size))],
                                      body: .file(URL(fileURLWithPath: path), offset: 0, length: size))
        try check(finished, "PUT", url.path)
        if let stored = finished.header("Docker-Content-Digest"), stored != digest {
            throw RegistryError(.digestMismatch(url: url.path, expected: digest, actual: stored))
        }
    }

    /// Puts a manifest under `reference` (a tag or its digest); returns the digest the registry stored.
    @discardableResult
    package func putManifest(repository: String, reference: String, bytes: Data, mediaType: String) async throws -> String? {
        let path = "/v2/\(repository)/manifests/\(reference)"
        let response = try await send("PUT", path, headers: [("Content-Type", mediaType)], body: .data(bytes))
        try check(response, "PUT", path)
        return response.header("Docker-Content-Digest")
    }

    /// Whether the manifest `reference` exists in `repository`.
    package func hasManifest(repository: String, reference: String) async throws -> Bool {
        let path = "/v2/\(repository)/manifests/\(reference)"
        let response = try await send("HEAD", path, headers: [("Accept", "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json")])
        if response.statusCode == 404 { return false }
        try check(response, "HEAD", path)
        return true
    }

    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: HTTPBody = .empty) async throws -> HTTPResponse {
        let url = URL(string: path, relativeTo: endpoint)?.absoluteURL ?? endpoint
        return try await send(method, url: url, headers: headers, body: body)
    }

    /// Sends with the Basic credentials, or (anonymous) with the bearer token of the request's
    /// scope, getting one when the registry challenges and sending the request once more.
    private func send(_ method: String, url: URL, headers: [(String, String)], body: HTTPBody) async throws -> HTTPResponse {
        var request = HTTPRequest(method: method, url: url, headers: headers.map { (name: $0.0, value: $0.1) }, body: body, timeout: 600)
        if let authorization {
            request.setHeader("Authorization", authorization)
            return try await transport.send(request)
        }
        let scope = Self.scope(of: url.path)
        if let token = bearerTokens.token(for: scope) { request.setHeader("Authorization", "Bearer \(token)") }
        let response = try await transport.send(request)
        guard response.statusCode == 401, body.isReplayable,
              let challenge = response.header("WWW-Authenticate").flatMap(RegistryChallenge.init(header:)) else {
            return response
        }
        let token = try await bearerToken(challenge, scope: scope)
        request.setHeader("Authorization", "Bearer \(token)")
        return try await transport.send(request)
    }

    func check(_ response: HTTPResponse, _ operation: String, _ path: String) throws {
        guard (200..<300).contains(response.statusCode) else {
            throw RegistryError(.status(operation: operation, url: path, status: response.statusCode,
                                        body: String(decoding: response.body, as: UTF8.self)))
        }
    }
}
