/// The canonical URI line of a SigV4 canonical request.
enum CanonicalPath {
    /// The canonical URI for `wirePath` (the path exactly as on the HTTP request line).
    ///
    /// - `.s3`: each `/`-separated segment is percent-decoded, then encoded once per RFC 3986 (so an
    ///   encoded slash `%2F` stays one); no normalisation (`//`, `.` and `..` are part of an S3 key).
    /// - `.standard`: remove `.`/`..` segments and collapse duplicate slashes, then encode the wire
    ///   path again (so `%20` on the wire becomes `%2520`): the double encoding AWS services expect.
    static func make(wirePath: String, encoding: SigV4Signer.PathEncoding) -> String {
        let path = wirePath.isEmpty ? "/" : wirePath
        switch encoding {
        case .s3:
            return path.split(separator: "/", omittingEmptySubsequences: false)
                .map { URIEncoding.encode(URIEncoding.decode($0), keepingSlash: false) }
                .joined(separator: "/")
        case .standard:
            return URIEncoding.encode(normalized(path).utf8, keepingSlash: true)
        }
    }

    /// RFC 3986 section 5.2.4 dot-segment removal, also dropping empty segments (duplicate slashes).
    /// A leading slash is kept, and a trailing slash is kept when segments remain.
    static func normalized(_ path: String) -> String {
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                if !output.isEmpty { output.removeLast() }
            default:
                output.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return first + output.joined(separator: "/") + last
    }
}
