import Foundation

/// The JSON protocol: `POST /` with `X-Amz-Target: <prefix>.<Operation>` (Logs, Step Functions).
enum JSONProtocol {
    static func request<Input: Encodable>(endpoint: ServiceEndpoint, service: AWSService, version: String,
                                          targetPrefix: String, operation: String, input: Input) throws -> HTTPRequest {
        let body = try AWSCoders.jsonEncoder(for: service).encode(input)
        return HTTPRequest(method: "POST", url: try EndpointURL.make(endpoint, encodedPath: "/"),
                           headers: [("Content-Type", "application/x-amz-json-\(version)"),
                                     ("X-Amz-Target", "\(targetPrefix).\(operation)")],
                           body: .data(body))
    }

    /// Decodes a JSON body; an empty body decodes as `{}`.
    static func decode<Output: Decodable>(_ type: Output.Type, from data: Data, service: AWSService) throws -> Output {
        let body = data.isEmpty ? Data("{}".utf8) : data
        return try AWSCoders.jsonDecoder(for: service).decode(Output.self, from: body)
    }
}
