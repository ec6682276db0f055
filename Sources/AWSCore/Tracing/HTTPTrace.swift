import Foundation

/// One HTTP attempt as `--debug` shows it, with secrets already redacted.
public struct HTTPTrace: Sendable, CustomStringConvertible {
    /// The service's display name.
    public var service: String
    /// The operation (`DescribeStacks`).
    public var operation: String
    /// 1 for the first attempt, 2 for the first retry, ...
    public var attempt: Int
    /// The HTTP method.
    public var method: String
    /// The URL with presigned query secrets redacted.
    public var url: String
    /// Request headers; `Authorization` signature and `X-Amz-Security-Token` redacted.
    public var requestHeaders: [(name: String, value: String)]
    /// The request body as text (secret-looking fields redacted, long bodies cut).
    public var requestBody: String
    /// The status, when a response came back.
    public var statusCode: Int?
    /// Response headers (secret-looking ones redacted).
    public var responseHeaders: [(name: String, value: String)]
    /// The response body as text (secret-looking fields redacted, long bodies cut).
    public var responseBody: String
    /// The transport failure, when no response came back.
    public var failure: String?
    /// How long the attempt took.
    public var duration: Duration

    /// A multi-line rendering: request line, headers, body, then the response.
    public var description: String {
        var lines = ["→ \(service) \(operation) attempt \(attempt): \(method) \(url)"]
        lines += requestHeaders.map { "  \($0.name): \($0.value)" }
        if !requestBody.isEmpty { lines.append("  \(requestBody)") }
        let millis = Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) * 1000)
        if let statusCode {
            lines.append("← HTTP \(statusCode) in \(millis) ms")
            lines += responseHeaders.map { "  \($0.name): \($0.value)" }
            if !responseBody.isEmpty { lines.append("  \(responseBody)") }
        } else if let failure {
            lines.append("✗ \(failure) after \(millis) ms")
        }
        return lines.joined(separator: "\n")
    }
}
