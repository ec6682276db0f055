import Foundation

/// RFC 3986 percent-encoding as AWS expects it (only `A-Z a-z 0-9 - . _ ~` left as they are).
enum PercentEncoding {
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    private static let unreservedAndSlash = unreserved.union(CharacterSet(charactersIn: "/"))

    /// Encodes everything but unreserved characters (query names/values, form bodies).
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// Encodes a path, keeping `/` (S3 object keys).
    static func encodePath(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreservedAndSlash) ?? text
    }

    /// `a=1&b=2` with both sides encoded, in the given order.
    static func queryString(_ items: [(String, String)]) -> String {
        items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
