// Reading from a registry (manifests and blobs) and the anonymous bearer-token flow of public registries.
import AWSCore
import Crypto
import Foundation
import Synchronization

/// A manifest (or image index) as a registry returned it.
package struct RegistryManifest: Sendable, Hashable {
    /// The bytes as served (their SHA-256 is the digest).
    package var bytes: Data
    /// The `Content-Type` the registry answered (or the manifest's own `mediaType`).
    package var mediaType: String
    /// `sha256:<hex>` of `bytes`.
    package var digest: String
}

extension RegistryClient {
    /// Every manifest media type Ferry reads: OCI and Docker v2 manifests and indexes.
    package static let manifestAccept = [
        "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
    ].joined(separator: ", ")

    /// The digest `reference` (a tag) points at now, from one `HEAD` of the manifest (its
    /// `Docker-Content-Digest`); nil when the registry does not say (then GET it).
    /// - Throws: `RegistryError` for any answer but 2xx (404: no such tag).
    package func manifestDigest(repository: String, reference: String) async throws -> String? {
        let path = "/v2/\(repository)/manifests/\(reference)"
        let response = try await send("HEAD", path, headers: [("Accept", Self.manifestAccept)])
        try check(response, "HEAD", path)
        return response.header("Docker-Content-Digest").flatMap { $0.hasPrefix("sha256:") ? $0 : nil }
    }

    /// The manifest `reference` (a tag or a digest); a digest reference is checked against the bytes.
    /// - Throws: `RegistryError` (status, or the bytes do not have the digest asked for).
    package func manifest(repository: String, reference: String) async throws -> RegistryManifest {
        let path = "/v2/\(repository)/manifests/\(reference)"
        let response = try await send("GET", path, headers: [("Accept", Self.manifestAccept)])
        try check(response, "GET", path)
        let digest = "sha256:" + SHA256.hash(data: response.body).map { String(format: "%02x", $0) }.joined()
        if reference.hasPrefix("sha256:"), reference != digest {
            throw RegistryError(.digestMismatch(url: path, expected: reference, actual: digest))
        }
        let declared = (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any])?["mediaType"] as? String
        let contentType = response.header("Content-Type")?.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) }
        return RegistryManifest(bytes: response.body, mediaType: declared ?? contentType ?? "application/vnd.oci.image.manifest.v1+json",
                                digest: digest)
    }

    /// The blob `digest` of `repository` (redirects followed by the transport), checked against its digest.
    /// - Throws: `RegistryError` (status, or bytes that do not have the digest).
    package func blob(repository: String, digest: String) async throws -> Data {
        let path = "/v2/\(repository)/blobs/\(digest)"
        let response = try await send("GET", path)
        try check(response, "GET", path)
        let actual = "sha256:" + SHA256.hash(data: response.body).map { String(format: "%02x", $0) }.joined()
        guard actual == digest else { throw RegistryError(.digestMismatch(url: path, expected: digest, actual: actual)) }
        return response.body
    }

    /// `repository:<name>:pull` for a `/v2/<name>/(blobs|manifests)/…` path; `registry:catalog:*` otherwise.
    static func scope(of path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 4, parts[0] == "v2",
              let kind = parts.lastIndex(where: { $0 == "blobs" || $0 == "manifests" }), kind > 1 else { return "registry:catalog:*" }
        return "repository:\(parts[1..<kind].joined(separator: "/")):pull"
    }

    /// A token for `scope` from the challenge's realm (anonymous `GET realm?service=&scope=`), cached.
    func bearerToken(_ challenge: RegistryChallenge, scope: String) async throws -> String {
        guard challenge.scheme == "bearer", let realm = challenge.parameters["realm"],
              var components = URLComponents(string: realm) else {
            throw RegistryError(.status(operation: "GET", url: endpoint.absoluteString, status: 401,
                                        body: "the registry wants credentials (\(challenge.scheme)); Ferry pulls anonymously "
                                            + "from public registries and with ECR's credentials from ECR"))
        }
        var items = components.queryItems ?? []
        if let service = challenge.parameters["service"] { items.append(URLQueryItem(name: "service", value: service)) }
        items.append(URLQueryItem(name: "scope", value: challenge.parameters["scope"] ?? scope))
        components.queryItems = items
        guard let url = components.url else { throw RegistryError(.noAuthorization) }
        let response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: [], body: .empty, timeout: 60))
        try check(response, "GET", url.absoluteString)
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        guard let token = (object?["token"] as? String) ?? (object?["access_token"] as? String), !token.isEmpty else {
            throw RegistryError(.status(operation: "GET", url: url.absoluteString, status: response.statusCode,
                                        body: "the token answer has no token"))
        }
        bearerTokens.store(token, for: scope)
        return token
    }
}

/// A `WWW-Authenticate` challenge: `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`.
struct RegistryChallenge: Sendable, Hashable {
    /// The scheme, lower-cased (`bearer`, `basic`).
    var scheme: String
    /// The parameters, names lower-cased.
    var parameters: [String: String]

    /// The challenge in `header`; nil when it has no scheme.
    init?(header: String) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else {
            guard !trimmed.isEmpty else { return nil }
            scheme = trimmed.lowercased()
            parameters = [:]
            return
        }
        scheme = trimmed[..<space].lowercased()
        var parameters: [String: String] = [:]
        var rest = Substring(trimmed[trimmed.index(after: space)...])
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: CharacterSet(charactersIn: " ,")).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                let close = rest.firstIndex(of: "\"") ?? rest.endIndex
                value = String(rest[..<close])
                rest = close < rest.endIndex ? rest[rest.index(after: close)...] : rest[close...]
            } else {
                let comma = rest.firstIndex(of: ",") ?? rest.endIndex
                value = String(rest[..<comma]).trimmingCharacters(in: .whitespaces)
                rest = rest[comma...]
            }
            parameters[name] = value
        }
        self.parameters = parameters
    }
}

/// The bearer tokens an anonymous registry client got, by scope (shared by its copies).
final class RegistryBearerTokens: Sendable {
    private let tokens = Mutex<[String: String]>([:])

    func token(for scope: String) -> String? { tokens.withLock { $0[scope] } }

    func store(_ token: String, for scope: String) { tokens.withLock { $0[scope] = token } }
}
