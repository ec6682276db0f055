import Foundation

/// One HTTP attempt as `--debug` shows it, with secrets already redacted.
package struct HTTPTrace: Sendable, CustomStringConvertible {
    /// The service's display name.
    package var service: String
    /// The operation (`DescribeStacks`).
    package var operation: String
    /// 1 for the first attempt, 2 for the first retry, ...
    package var attempt: Int
    /// The HTTP method.
    package var method: String
    /// The URL with presigned query secrets redacted.
    package var url: String
    /// Request headers; `Authorization` signature and `X-Amz-Security-Token` redacted.
    package var requestHeaders: [(name: String, value: String)]
    /// The request body as text (secret-looking fields redacted, long bodies cut).
    package var requestBody: String
    /// The status, when a response came back.
    package var statusCode: Int?
    /// Response headers (secret-looking ones redacted).
    package var responseHeaders: [(name: String, value: String)]
    /// The response body as text (secret-looking fields redacted, long bodies cut).
    package var responseBody: String
    /// The transport failure, when no response came back.
    package var failure: String?
    /// How long the attempt took.
    package var duration: Duration

    /// A multi-line rendering: request line, headers, body, then the response.
    package var description: String {
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
