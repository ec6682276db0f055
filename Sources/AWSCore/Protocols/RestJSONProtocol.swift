import Foundation

/// The REST-JSON protocol: method, path and query carry the operation; bodies are JSON.
enum RestJSONProtocol {
    static func request(endpoint: ServiceEndpoint, service: AWSService, method: String, path: String,
                        query: [(String, String)], headers: [(String, String)],
                        body: (any Encodable & Sendable)?) throws -> HTTPRequest {
        var request = HTTPRequest(method: method, url: try EndpointURL.make(endpoint, encodedPath: path, query: query),
                                  headers: headers.map { (name: $0.0, value: $0.1) })
        if let body {
            request.body = .data(try AWSCoders.jsonEncoder(for: service).encode(body))
            if request.header("Content-Type") == nil { request.setHeader("Content-Type", "application/json") }
        }
        return request
    }
}
