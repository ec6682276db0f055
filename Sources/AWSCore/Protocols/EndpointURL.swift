import Foundation

/// Builds request URLs from a service endpoint.
enum EndpointURL {
    /// `scheme://[hostPrefix]host[:port][basePath]path[?query]`; `path` and `query` are encoded here
    /// only for the query items (the path must already be encoded).
    static func make(_ endpoint: ServiceEndpoint, hostPrefix: String = "", encodedPath: String,
                     query: [(String, String)] = []) throws -> URL {
        guard let components = URLComponents(url: endpoint.url, resolvingAgainstBaseURL: false),
              let scheme = components.scheme, let host = components.percentEncodedHost else {
            throw URLError(.badURL)
        }
        var text = "\(scheme)://\(hostPrefix)\(host)"
        if let port = components.port { text += ":\(port)" }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        let path = encodedPath.hasPrefix("/") ? encodedPath : "/" + encodedPath
        text += basePath + path
        if !query.isEmpty { text += "?" + PercentEncoding.queryString(query) }
        guard let url = URL(string: text) else { throw URLError(.badURL) }
        return url
    }
}
