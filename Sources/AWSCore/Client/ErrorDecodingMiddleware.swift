import Foundation

/// Turns every non-2xx response into an `AWSError` in the service's error format.
struct ErrorDecodingMiddleware: AWSMiddleware {
    func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse {
        let response = try await next(context)
        guard (200..<300).contains(response.statusCode) else {
            throw AWSErrorDecoder.decode(response, method: context.request.method,
                                         service: context.service, operation: context.operation)
        }
        return response
    }
}
