import Foundation

/// One request on its way through the middleware chain.
package struct AWSRequestContext: Sendable {
    /// The service called.
    package var service: AWSService
    /// The operation name (`DescribeStacks`).
    package var operation: String
    /// Where the request goes and how it is signed.
    package var endpoint: ServiceEndpoint
    /// The HTTP request as built by the wire protocol (signed once it passes the signer).
    package var request: HTTPRequest
    /// 1 for the first attempt, 2 for the first retry, ...
    package var attempt: Int = 1

    package init(service: AWSService, operation: String, endpoint: ServiceEndpoint, request: HTTPRequest) {
        self.service = service
        self.operation = operation
        self.endpoint = endpoint
        self.request = request
    }
}

/// The rest of the chain, as seen by one middleware.
package typealias AWSHandler = @Sendable (AWSRequestContext) async throws -> HTTPResponse

/// One step of the client's request pipeline (retry, clock skew, error decoding, signing, trace).
///
/// A step receives the request and the rest of the chain; it may change the request, call `next`
/// any number of times, or inspect and transform the response or error.
package protocol AWSMiddleware: Sendable {
    /// Handles the request, calling `next` to pass it on.
    func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse
}

/// Composes middleware in order (the first one is outermost) around a transport.
package enum AWSMiddlewareChain {
    /// A handler that runs `middleware[0]`, which runs `middleware[1]`, ..., then the transport.
    package static func handler(_ middleware: [any AWSMiddleware], transport: any HTTPTransport) -> AWSHandler {
        var handler: AWSHandler = { context in try await transport.send(context.request) }
        for step in middleware.reversed() {
            let next = handler
            handler = { context in try await step.handle(context, next: next) }
        }
        return handler
    }
}
