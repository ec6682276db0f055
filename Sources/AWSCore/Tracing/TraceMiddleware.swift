import Foundation

/// Reports every attempt, signed request and raw response, with secrets redacted.
struct TraceMiddleware: AWSMiddleware {
    let trace: @Sendable (HTTPTrace) -> Void

    func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse {
        let request = context.request
        var record = HTTPTrace(
            service: context.service.displayName, operation: context.operation, attempt: context.attempt,
            method: request.method, url: Redaction.url(request.url),
            requestHeaders: request.headers.map { ($0.name, Redaction.header(name: $0.name, value: $0.value)) },
            requestBody: Redaction.body(request.body), statusCode: nil, responseHeaders: [], responseBody: "",
            failure: nil, duration: .zero)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(context)
            record.duration = clock.now - start
            record.statusCode = response.statusCode
            record.responseHeaders = response.headers.map { ($0.name, Redaction.header(name: $0.name, value: $0.value)) }
            record.responseBody = Redaction.body(response.body)
            trace(record)
            return response
        } catch {
            record.duration = clock.now - start
            record.failure = String(describing: error)
            trace(record)
            throw error
        }
    }
}
