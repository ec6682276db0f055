import Foundation

/// Something went wrong in a service client that is not an error AWS returned itself: an
/// answer that cannot be used, a waiter that saw a failure, input that cannot be sent.
package struct AWSServicesError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case unexpectedResponse(operation: String, detail: String)
        case functionUpdateFailed(function: String, reason: String)
        case waiterGaveUp(operation: String, resource: String, attempts: Int)
        case invalidInput(operation: String, detail: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    /// The service's answer lacked something the call needs or had an unexpected status.
    static func unexpectedResponse(operation: String, detail: String) -> Self {
        Self(.unexpectedResponse(operation: operation, detail: detail))
    }

    /// A Lambda function's last update ended in `Failed`.
    static func functionUpdateFailed(function: String, reason: String) -> Self {
        Self(.functionUpdateFailed(function: function, reason: reason))
    }

    /// A waiter polled its maximum number of times without reaching a final state.
    static func waiterGaveUp(operation: String, resource: String, attempts: Int) -> Self {
        Self(.waiterGaveUp(operation: operation, resource: resource, attempts: attempts))
    }

    /// The input cannot be sent as given.
    static func invalidInput(operation: String, detail: String) -> Self {
        Self(.invalidInput(operation: operation, detail: detail))
    }

    /// Whether a Lambda function update ended in `Failed`.
    package var isFunctionUpdateFailed: Bool {
        if case .functionUpdateFailed = reason { return true }
        return false
    }

    /// Whether a waiter gave up before the resource reached a final state.
    package var isWaiterGaveUp: Bool {
        if case .waiterGaveUp = reason { return true }
        return false
    }

    package var description: String {
        switch reason {
        case .unexpectedResponse(let operation, let detail):
            return "\(operation) returned an answer that cannot be used: \(detail). "
                + "Check the endpoint points at the real service (or a compatible emulator)."
        case .functionUpdateFailed(let function, let reason):
            return "The update of Lambda function '\(function)' failed: \(reason). "
                + "Fix the cause named above and deploy again."
        case .waiterGaveUp(let operation, let resource, let attempts):
            return "Waited for \(resource) with \(attempts) calls to \(operation), and it never reached a final state. "
                + "Check it in the AWS console and run the command again."
        case .invalidInput(let operation, let detail):
            return "\(operation) cannot be sent: \(detail)."
        }
    }
}
