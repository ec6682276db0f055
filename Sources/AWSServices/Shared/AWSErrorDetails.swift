import AWSCore
import Foundation

/// The parts of an error AWS returned that the per-service classifiers look at.
struct AWSErrorDetails: Sendable, Equatable {
    var code: String
    var message: String
    var statusCode: Int

    /// Reads code, message and HTTP status out of an `AWSError` the client threw; `nil` for
    /// errors that did not come from an AWS answer (transport failures, ...).
    init?(_ error: any Error) {
        guard let error = error as? AWSError, error.statusCode != 0 else { return nil }
        code = error.code
        message = error.message
        statusCode = error.statusCode
    }
}
