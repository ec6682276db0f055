import Foundation

/// An HTTP request as the signer sees it: method, wire path and query, headers, payload.
///
/// Build it from the wire URL with ``init(method:url:headers:payload:)`` (``SigV4Signer`` states
/// exactly what that URL must contain), or from the request line's parts with
/// ``init(method:path:query:host:headers:payload:)``.
package struct SigV4Request: Sendable {
    /// The HTTP method, upper-cased when canonicalised.
    package var method: String
    /// The value for the `host` header when `headers` has none: host plus non-default port.
    package var host: String?
    /// The path exactly as on the HTTP request line (percent-encoded for a URL). Empty means `/`.
    package var path: String
    /// The query exactly as on the wire, without `?`; `nil` or empty when there is none.
    package var query: String?
    /// Headers in the order they are sent; names are case-insensitive and may repeat.
    package var headers: [(name: String, value: String)]
    /// The body, its hash, or `UNSIGNED-PAYLOAD`.
    package var payload: SigV4Signer.Payload

    /// A request from its parts as on the HTTP request line; used when no URL can express them.
    package init(method: String, path: String, query: String? = nil, host: String? = nil,
                headers: [(name: String, value: String)] = [], payload: SigV4Signer.Payload = .bytes(Data())) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    /// A request for `url`, whose path and query must already be percent-encoded as on the wire.
    package init(method: String, url: URL, headers: [(name: String, value: String)] = [],
                payload: SigV4Signer.Payload = .bytes(Data())) {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        self.init(method: method,
                  path: components?.percentEncodedPath ?? url.path(percentEncoded: true),
                  query: components?.percentEncodedQuery,
                  host: Self.hostHeader(of: url),
                  headers: headers,
                  payload: payload)
    }

    /// The `host` header a client sends for `url`: lower-case host, port unless it is the default.
    static func hostHeader(of url: URL) -> String? {
        guard var host = url.host(percentEncoded: true)?.lowercased() else { return nil }
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        let defaultPort = ["http": 80, "https": 443][url.scheme?.lowercased() ?? ""]
        if let port = url.port, port != defaultPort {
            host += ":\(port)"
        }
        return host
    }
}
