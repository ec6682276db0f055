import AWSCore
import Foundation

/// The parts of an error AWS returned that the per-service classifiers look at.
struct AWSErrorDetails: Sendable, Equatable {
    var code: String
    var message: String
    var statusCode: Int?

    /// Reads code, message and HTTP status out of an error thrown by `AWSClient`; `nil` for
    /// errors that did not come from an AWS answer (transport failures, decoding, ...).
    init?(_ error: any Error) {
        // Until AWSCore's error type exists, read the fields by name.
        var code: String?
        var message: String?
        var status: Int?
        for child in Mirror(reflecting: error).children {
            switch child.label {
            case "code", "errorCode": code = child.value as? String ?? code
            case "message": message = child.value as? String ?? message
            case "statusCode", "status": status = child.value as? Int ?? status
            default: break
            }
        }
        guard code != nil || status != nil else { return nil }
        self.code = code ?? ""
        self.message = message ?? ""
        self.statusCode = status
    }
}
