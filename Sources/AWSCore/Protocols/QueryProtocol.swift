import Foundation
import XMLCoder

/// The query protocol: `POST /` with a form body, XML responses wrapped in `<ActionResult>`.
enum QueryProtocol {
    /// The form body: `Action=..&Version=..` then the parameters sorted by name.
    static func formBody(action: String, apiVersion: String, parameters: [String: String]) -> String {
        var items = [("Action", action), ("Version", apiVersion)]
        items += parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return PercentEncoding.queryString(items)
    }

    static func request(endpoint: ServiceEndpoint, apiVersion: String, action: String,
                        parameters: [String: String]) throws -> HTTPRequest {
        let body = Data(formBody(action: action, apiVersion: apiVersion, parameters: parameters).utf8)
        return HTTPRequest(method: "POST", url: try EndpointURL.make(endpoint, encodedPath: "/"),
                           headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                           body: .data(body))
    }

    /// Decodes `Output` from `<ActionResponse><ActionResult>...`; a missing result decodes from an
    /// empty element.
    static func decode<Output: Decodable>(_ type: Output.Type, from data: Data, service: AWSService,
                                          action: String) throws -> Output {
        let decoder = AWSCoders.xmlDecoder(for: service)
        let resultKey = AWSCoders.swiftName("\(action)Result", pascalCase: service.pascalCaseMembers)
        decoder.userInfo[QueryResultEnvelope<Output>.resultKey] = resultKey
        let envelope = try decoder.decode(QueryResultEnvelope<Output>.self, from: data)
        if let result = envelope.result { return result }
        return try decoder.decode(Output.self, from: Data("<\(action)Result></\(action)Result>".utf8))
    }
}

/// `<XResponse><XResult>…</XResult><ResponseMetadata/></XResponse>`: the result element only.
struct QueryResultEnvelope<Output: Decodable>: Decodable {
    static var resultKey: CodingUserInfoKey { CodingUserInfoKey(rawValue: "ferry.queryResultKey")! }
    let result: Output?

    init(from decoder: any Decoder) throws {
        let key = AnyCodingKey(decoder.userInfo[Self.resultKey] as? String ?? "")
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        result = container.contains(key) ? try container.decode(Output.self, forKey: key) : nil
    }
}
