import Foundation

/// The REST-XML protocol (S3): the bucket goes in the host (virtual-hosted style) or in the path.
enum RestXMLProtocol {
    /// Whether a bucket name can be a DNS label under the endpoint's host (no dots over HTTPS,
    /// lower-case letters, digits and hyphens).
    static func isVirtualHostable(_ bucket: String, scheme: String?) -> Bool {
        guard (3...63).contains(bucket.count), !bucket.hasPrefix("-"), !bucket.hasSuffix("-") else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        guard bucket.allSatisfy({ allowed.contains($0) }) else { return false }
        if bucket.contains(".") { return scheme == "http" && !bucket.contains("..") }
        return true
    }

    /// The encoded path: `/key` (virtual-hosted), `/bucket/key` (path style) or `/`.
    static func path(bucket: String?, key: String?, pathStyle: Bool) -> String {
        var path = ""
        if let bucket, pathStyle { path += "/" + PercentEncoding.encode(bucket) }
        if let key { path += "/" + PercentEncoding.encodePath(key) }
        return path.isEmpty ? "/" : path
    }

    static func request(endpoint: ServiceEndpoint, method: String, bucket: String?, key: String?,
                        query: [(String, String)], headers: [(String, String)], body: HTTPBody) throws -> HTTPRequest {
        let scheme = endpoint.url.scheme
        let pathStyle = endpoint.usesPathStyle || bucket.map { !isVirtualHostable($0, scheme: scheme) } ?? false
        let hostPrefix = (bucket != nil && !pathStyle) ? "\(bucket!)." : ""
        let url = try EndpointURL.make(endpoint, hostPrefix: hostPrefix,
                                       encodedPath: path(bucket: bucket, key: key, pathStyle: pathStyle), query: query)
        return HTTPRequest(method: method, url: url, headers: headers.map { (name: $0.0, value: $0.1) }, body: body)
    }
}
