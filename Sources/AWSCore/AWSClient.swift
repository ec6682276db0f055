import Foundation
import Synchronization
import XMLCoder

/// The AWS client: resolves the endpoint, signs, retries and decodes errors for every call.
///
/// Every call goes through one middleware chain: retry → clock-skew correction → error decoding →
/// signing → trace → transport. Member-name mapping: Swift properties are the AWS member names
/// with the first character lower-cased (`StackName` ↔ `stackName`, `RoleARN` ↔ `roleARN`) for
/// services with `pascalCaseMembers`; camelCase services use the names as they are. Dates decode
/// leniently (ISO 8601 with or without fractional seconds, up to nine digits; epoch seconds).
package final class AWSClient: Sendable {
    private let endpoints: @Sendable (AWSService) throws -> ServiceEndpoint
    private let handler: AWSHandler
    /// The retry policy in force.
    package let retryPolicy: RetryPolicy
    /// The retry token bucket shared by all calls of this client.
    package let retryQuota: RetryQuota
    private let skew: ClockSkewCorrector
    /// Whether any call was answered (a success, or an error that is not a refusal).
    private let answered = Mutex(false)

    /// Creates a client.
    /// - Parameters:
    ///   - credentialProvider: where credentials come from (asked before every attempt).
    ///   - endpoints: the endpoint for a service (throws when it cannot be resolved).
    ///   - transport: sends HTTP requests.
    ///   - retry: the retry policy (`.standard(maxAttempts:)` from `AWS_MAX_ATTEMPTS` / `max_attempts`).
    ///   - signer: signs each attempt (SigV4).
    ///   - clock: the current time (tests fix it).
    ///   - sleep: waits between retries (tests make it instant).
    ///   - random: a number in `0..<1` for backoff jitter.
    ///   - trace: receives every attempt, secrets redacted (`--debug`).
    ///   - middleware: extra steps run just before signing.
    package init(
        credentialProvider: any CredentialProvider,
        endpoints: @escaping @Sendable (AWSService) throws -> ServiceEndpoint,
        transport: any HTTPTransport = URLSessionTransport(),
        retry: RetryPolicy = .standard(maxAttempts: 3),
        signer: any RequestSigner = SigV4RequestSigner(),
        clock: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        trace: (@Sendable (HTTPTrace) -> Void)? = nil,
        middleware: [any AWSMiddleware] = []
    ) {
        self.endpoints = endpoints
        self.retryPolicy = retry
        self.retryQuota = RetryQuota(capacity: retry.quotaCapacity)
        self.skew = ClockSkewCorrector(clock: clock)
        var chain: [any AWSMiddleware] = [
            RetryMiddleware(policy: retry, quota: retryQuota, sleep: sleep, random: random),
            ClockSkewMiddleware(corrector: skew),
            ErrorDecodingMiddleware(),
        ]
        chain += middleware
        chain.append(SigningMiddleware(credentialProvider: credentialProvider, signer: signer, clock: skew))
        if let trace { chain.append(TraceMiddleware(trace: trace)) }
        handler = AWSMiddlewareChain.handler(chain, transport: transport)
    }

    /// The clock offset learned from servers (server time minus local time), in seconds.
    package var clockOffset: TimeInterval { skew.currentOffset }

    /// Sends one operation through the middleware chain and returns the 2xx response.
    package func send(_ service: AWSService, operation: String,
                     build: (ServiceEndpoint) throws -> HTTPRequest) async throws -> HTTPResponse {
        let endpoint = try endpoints(service)
        let request: HTTPRequest
        do {
            request = try build(endpoint)
        } catch let error as AWSError {
            throw error
        } catch {
            throw AWSError.invalidRequest(service: service, operation: operation,
                                          detail: "could not build the request: \(error)")
        }
        do {
            let response = try await handler(AWSRequestContext(service: service, operation: operation,
                                                               endpoint: endpoint, request: request))
            answered.withLock { $0 = true }
            return response
        } catch var error as AWSError {
            // AccessDenied before anything was ever allowed means the credentials are refused.
            let counts = error.isServiceError && !error.isAccessDenied && !error.refusesCredentials
            let first = answered.withLock { wasAnswered in
                if counts { wasAnswered = true }
                return !wasAnswered
            }
            error.onFirstCall = first
            throw error
        }
    }

    /// Query protocol call: `Action`/`Version` plus the flattened `parameters`
    /// (`Parameters.member.1.ParameterKey`, `Tags.member.1.Key`, ...). Decodes `Output` from the
    /// `<ActionResult>` element. Lists on the wire are `<Name><member>..</member></Name>`: model
    /// them with `QueryList<T>`.
    package func query<Output: Decodable & Sendable>(
        _ service: AWSService, action: String, parameters: [String: String]
    ) async throws -> Output {
        let response = try await queryResponse(service, action: action, parameters: parameters)
        return try decoding(service, action, response) {
            try QueryProtocol.decode(Output.self, from: response.body, service: service, action: action)
        }
    }

    /// Query protocol call whose result is not needed.
    package func query(_ service: AWSService, action: String, parameters: [String: String]) async throws {
        _ = try await queryResponse(service, action: action, parameters: parameters)
    }

    /// Query protocol call returning the raw response.
    package func queryResponse(_ service: AWSService, action: String, parameters: [String: String]) async throws -> HTTPResponse {
        guard case .query(let apiVersion) = service.wireProtocol else {
            throw AWSError.invalidRequest(service: service, operation: action,
                                          detail: "\(service.displayName) does not speak the query protocol")
        }
        return try await send(service, operation: action) { endpoint in
            try QueryProtocol.request(endpoint: endpoint, apiVersion: apiVersion, action: action, parameters: parameters)
        }
    }

    /// JSON protocol call (`X-Amz-Target: <targetPrefix>.<operation>`).
    package func json<Input: Encodable & Sendable, Output: Decodable & Sendable>(
        _ service: AWSService, operation: String, input: Input
    ) async throws -> Output {
        guard case .json(let version, let targetPrefix) = service.wireProtocol else {
            throw AWSError.invalidRequest(service: service, operation: operation,
                                          detail: "\(service.displayName) does not speak the JSON protocol")
        }
        let response = try await send(service, operation: operation) { endpoint in
            try JSONProtocol.request(endpoint: endpoint, service: service, version: version,
                                     targetPrefix: targetPrefix, operation: operation, input: input)
        }
        return try decoding(service, operation, response) {
            try JSONProtocol.decode(Output.self, from: response.body, service: service)
        }
    }

    /// REST-JSON call. `path` is already percent-encoded (`/2015-03-31/functions/my-fn/code`).
    package func restJSON<Output: Decodable & Sendable>(
        _ service: AWSService, operation: String, method: String, path: String,
        query: [(String, String)], headers: [(String, String)], body: (any Encodable & Sendable)?
    ) async throws -> Output {
        let response = try await restJSONResponse(service, operation: operation, method: method, path: path,
                                                  query: query, headers: headers, body: body)
        return try decoding(service, operation, response) {
            try JSONProtocol.decode(Output.self, from: response.body, service: service)
        }
    }

    /// REST-JSON call returning the raw response (binary payloads, headers).
    package func restJSONResponse(
        _ service: AWSService, operation: String, method: String, path: String,
        query: [(String, String)], headers: [(String, String)], body: (any Encodable & Sendable)?
    ) async throws -> HTTPResponse {
        try await send(service, operation: operation) { endpoint in
            try RestJSONProtocol.request(endpoint: endpoint, service: service, method: method, path: path,
                                         query: query, headers: headers, body: body)
        }
    }

    /// REST-XML call (S3). `bucket` and `key` are raw (not encoded); the client places the bucket
    /// in the host or the path (path style on custom endpoints) and encodes the key once.
    /// Returns the raw response; decode XML bodies with `decodeXML`.
    package func restXML(
        _ service: AWSService, operation: String, method: String, bucket: String?, key: String?,
        query: [(String, String)], headers: [(String, String)], body: HTTPBody
    ) async throws -> HTTPResponse {
        try await send(service, operation: operation) { endpoint in
            try RestXMLProtocol.request(endpoint: endpoint, method: method, bucket: bucket, key: key,
                                        query: query, headers: headers, body: body)
        }
    }

    /// Decodes an XML body with the service's member-name mapping and lenient dates.
    package func decodeXML<T: Decodable>(_ type: T.Type, from data: Data, service: AWSService) throws -> T {
        do {
            return try AWSCoders.xmlDecoder(for: service).decode(T.self, from: data)
        } catch {
            throw AWSError.malformedResponse(service: service, operation: String(describing: T.self),
                                             statusCode: 200, requestID: nil, detail: Self.describe(error))
        }
    }

    private func decoding<T>(_ service: AWSService, _ operation: String, _ response: HTTPResponse,
                             _ decode: () throws -> T) throws -> T {
        do {
            return try decode()
        } catch {
            throw AWSError.malformedResponse(
                service: service, operation: operation, statusCode: response.statusCode,
                requestID: response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id"),
                detail: Self.describe(error))
        }
    }

    /// A short account of a decoding error: what was expected and at which member path.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(type) at \(path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "no \(type) value at \(path(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription) at \(path(context))"
        @unknown default: return String(describing: error)
        }
    }
}

/// A query-protocol list: `<Name><member>...</member>...</Name>`; absent means empty.
package struct QueryList<Element: Decodable & Sendable>: Decodable, Sendable {
    package var member: [Element]
    package init(_ member: [Element] = []) { self.member = member }
    enum CodingKeys: String, CodingKey { case member }
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        member = try container.decodeIfPresent([Element].self, forKey: .member) ?? []
    }
}
