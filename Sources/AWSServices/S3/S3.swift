import AWSCore
import Crypto
import Foundation

/// Amazon S3: objects, multipart uploads and the bucket settings an artifact bucket needs.
package struct S3: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// An S3 client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// Sends one REST-XML request. Statuses in `accepted` come back as a response (with an empty
    /// body when the client turned them into an error); any other non-2xx status throws.
    func send(
        _ operation: String, method: String, bucket: String, key: String? = nil,
        query: [(String, String)] = [], headers: [(String, String)] = [], body: HTTPBody = .empty,
        accepting accepted: Set<Int> = []
    ) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await client.restXML(
                .s3, operation: operation, method: method, bucket: bucket, key: key,
                query: query, headers: headers, body: body)
        } catch {
            if let status = Self.statusCode(of: error), accepted.contains(status) {
                return HTTPResponse(statusCode: status)
            }
            throw error
        }
        guard (200..<300).contains(response.statusCode) || accepted.contains(response.statusCode) else {
            throw AWSServicesError.unexpectedResponse(
                operation: operation, detail: "HTTP \(response.statusCode) for s3://\(bucket)/\(key ?? "")")
        }
        return response
    }

    /// Decodes an XML body with S3's member names.
    func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, operation: String) throws -> T {
        try client.decodeXML(type, from: response.body, service: .s3)
    }

    /// The HTTP status of an error S3 returned, if it came from an S3 answer. The one place that
    /// turns S3 errors into statuses for the callers that treat 404, 403 and 412 as answers.
    static func statusCode(of error: any Error) -> Int? {
        AWSErrorDetails(error)?.statusCode
    }

    /// Whether an error says the bucket already exists and belongs to these credentials.
    package static func isBucketAlreadyOwnedByYou(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "BucketAlreadyOwnedByYou"
    }

    /// Whether an error says the bucket name is taken by another account (`BucketAlreadyExists`).
    package static func isBucketAlreadyExists(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "BucketAlreadyExists"
    }

    /// Whether an error says a multipart upload no longer exists (`NoSuchUpload`, or a bare 404).
    package static func isNoSuchUpload(_ error: any Error) -> Bool {
        guard let details = AWSErrorDetails(error) else { return false }
        return details.code == "NoSuchUpload" || details.statusCode == 404
    }

    /// Whether an error says the object or bucket does not exist (`NoSuchKey`, `NoSuchBucket`, 404).
    package static func isNotFound(_ error: any Error) -> Bool {
        guard let details = AWSErrorDetails(error) else { return false }
        return details.statusCode == 404 || details.code == "NoSuchKey" || details.code == "NoSuchBucket"
            || details.code == "NotFound"
    }

    /// `"abc"` → `abc` (ETags come quoted).
    static func unquoted(_ value: String) -> String {
        value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : value
    }

    /// Parses an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`).
    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    /// The base64 MD5 digest S3 expects in `Content-MD5`.
    package static func contentMD5(_ data: Data) -> String {
        Data(Insecure.MD5.hash(data: data)).base64EncodedString()
    }

    /// Escapes text for an XML element.
    static func xmlEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The S3 XML namespace request bodies declare.
    static let xmlNamespace = "http://s3.amazonaws.com/doc/2006-03-01/"
}
