import AWSCore
import Foundation

/// The answer of a synchronous invocation.
public struct InvocationResult: Sendable, Equatable {
    /// The HTTP status (200 for a synchronous invocation that ran, even when the function failed).
    public var statusCode: Int
    /// `Handled` or `Unhandled` when the function failed (`X-Amz-Function-Error`), else nil.
    public var functionError: String?
    /// What the function returned, or its error as JSON.
    public var payload: Data

    /// A result.
    public init(statusCode: Int, functionError: String?, payload: Data) {
        self.statusCode = statusCode
        self.functionError = functionError
        self.payload = payload
    }
}

extension Lambda {
    /// Invokes `functionName` synchronously (`RequestResponse`) with `payload`, a JSON document
    /// sent as it is (Invoke).
    public func invoke(_ functionName: String, payload: Data, qualifier: String? = nil) async throws -> InvocationResult {
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
