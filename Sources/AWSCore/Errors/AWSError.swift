import Foundation

/// An error an AWS service returned, or a response the client could not understand.
///
/// One type for every service and protocol: the code, message and request ID as AWS sent them,
/// plus where it happened (service and operation). Classify it with `isThrottling`,
/// `isRetryable`, `isAccessDenied` and `isExpiredToken`.
package struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        /// The service answered with an error document that names a code.
        case service
        /// The body was empty or not an AWS error document (an HTML proxy page, a HEAD response).
        case unrecognizedBody(excerpt: String)
        /// A successful response whose body did not decode into the expected shape.
        case malformedResponse(detail: String)
        /// The request could not be built or signed.
        case invalidRequest(detail: String)
    }

    private let kind: Kind
    /// The service's display name (`CloudFormation`, `S3`, ...).
    package let service: String
    /// The operation that failed (`DescribeStacks`, `PutObject`, ...).
    package let operation: String
    /// The AWS error code (`ValidationError`, `NoSuchKey`, `ThrottlingException`), or one derived
    /// from the HTTP status when the body names none (`NotFound`, `HTTP503`).
    package let code: String
    /// The message the service sent (may be empty).
    package let message: String
    /// The request ID, for AWS support.
    package let requestID: String?
    /// The HTTP status code, or 0 when no response was involved.
    package let statusCode: Int
    /// The response's `Date` header, used for clock-skew correction.
    let serverDate: Date?
    /// Whether no call of the client had been answered before this one (set by `AWSClient`):
    /// `AccessDenied` on the first call means the credentials themselves are refused.
    package internal(set) var onFirstCall = false

    init(service: String, operation: String, code: String, message: String, requestID: String?,
         statusCode: Int, serverDate: Date? = nil) {
        self.kind = .service
        self.service = service
        self.operation = operation
        self.code = code
        self.message = message
        self.requestID = requestID
        self.statusCode = statusCode
        self.serverDate = serverDate
    }

    private init(kind: Kind, service: String, operation: String, code: String, message: String,
                 requestID: String?, statusCode: Int, serverDate: Date?) {
        self.kind = kind
        self.service = service
        self.operation = operation
        self.code = code
        self.message = message
        self.requestID = requestID
        self.statusCode = statusCode
        self.serverDate = serverDate
    }

    /// An error response whose body names no code: the code comes from the status.
    static func unrecognizedBody(service: String, operation: String, code: String, statusCode: Int,
                                 excerpt: String, requestID: String?, serverDate: Date?) -> AWSError {
        let status = reasonPhrases[statusCode].map { "HTTP \(statusCode) (\($0))" } ?? "HTTP \(statusCode)"
        let message = excerpt.isEmpty
            ? "\(status) with an empty body"
            : "\(status) with a body that is not an AWS error: \(excerpt)"
        return AWSError(kind: .unrecognizedBody(excerpt: excerpt), service: service, operation: operation,
                        code: code, message: message, requestID: requestID, statusCode: statusCode,
                        serverDate: serverDate)
    }

    private static let reasonPhrases: [Int: String] = [
        301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 412: "Precondition Failed",
        413: "Payload Too Large", 429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]

    /// A successful response that did not decode.
    static func malformedResponse(service: AWSService, operation: String, statusCode: Int,
                                  requestID: String?, detail: String) -> AWSError {
        AWSError(kind: .malformedResponse(detail: detail), service: service.displayName, operation: operation,
                 code: "MalformedResponse",
                 message: "the response could not be read (\(detail)); run with --debug to see it",
                 requestID: requestID, statusCode: statusCode, serverDate: nil)
    }

    /// A request that could not be built or signed.
    static func invalidRequest(service: AWSService, operation: String, detail: String) -> AWSError {
        AWSError(kind: .invalidRequest(detail: detail), service: service.displayName, operation: operation,
                 code: "InvalidRequest", message: detail, requestID: nil, statusCode: 0, serverDate: nil)
    }

    /// Whether the service answered with an error document (rather than an unreadable body).
    package var isServiceError: Bool { kind == .service }

    /// `CloudFormation DescribeStacks failed: ValidationError: Stack with id x does not exist (request ID r)`.
    package var description: String {
        var text = "\(service) \(operation) failed: \(code)"
        if !message.isEmpty, message != code { text += ": \(message)" }
        if let requestID, !requestID.isEmpty { text += " (request ID \(requestID))" }
        return text
    }
}

extension AWSError: LocalizedError {
    package var errorDescription: String? { description }
}
