import AWSCore
import Foundation

/// The answer of a synchronous invocation.
package struct InvocationResult: Sendable, Equatable {
    /// The HTTP status (200 for a synchronous invocation that ran, even when the function failed).
    package var statusCode: Int
    /// `Handled` or `Unhandled` when the function failed (`X-Amz-Function-Error`), else nil.
    package var functionError: String?
    /// What the function returned, or its error as JSON.
    package var payload: Data

    /// A result.
    package init(statusCode: Int, functionError: String?, payload: Data) {
        self.statusCode = statusCode
        self.functionError = functionError
        self.payload = payload
    }
}

extension Lambda {
    /// Invokes `functionName` synchronously (`RequestResponse`) with `payload`, a JSON document
    /// sent as it is (Invoke).
    package func invoke(_ functionName: String, payload: Data, qualifier: String? = nil) async throws -> InvocationResult {
        let path = Self.functionPath(functionName, "/invocations")
        let response = try await client.send(.lambda, operation: "Invoke") { endpoint in
            var base = endpoint.url.absoluteString
            while base.hasSuffix("/") { base.removeLast() }
            let query = qualifier.map { "?Qualifier=\(Self.pathSegment($0))" } ?? ""
            guard let url = URL(string: base + path + query) else { throw URLError(.badURL) }
            return HTTPRequest(method: "POST", url: url,
                               headers: [(name: "Content-Type", value: "application/json"),
                                         (name: "X-Amz-Invocation-Type", value: "RequestResponse")],
                               body: .data(payload))
        }
        return InvocationResult(statusCode: response.statusCode, functionError: response.header("X-Amz-Function-Error"),
                                payload: response.body)
    }
}
