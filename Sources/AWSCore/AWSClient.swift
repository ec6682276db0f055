import Foundation

// CONTRACT (to be implemented in AWSCore by the core work; AWSServices codes against these
// signatures). Member-name mapping: Swift properties are the AWS member names with the first
// character lower-cased (`StackName` -> `stackName`, `RoleARN` -> `roleARN`) for services with
// `pascalCaseMembers`; camelCase services use the names as they are. Dates decode leniently
// (ISO 8601 with or without fractional seconds, up to nine digits; epoch seconds in JSON).

/// The AWS client: resolves the endpoint, signs, retries and decodes errors for every call.
public final class AWSClient: Sendable {
    /// Query protocol call: `Action`/`Version` plus the flattened `parameters`
    /// (`Parameters.member.1.ParameterKey`, `Tags.member.1.Key`, ...). Decodes `Output` from the
    /// `<ActionResult>` element. Lists on the wire are `<Name><member>..</member></Name>`: model
    /// them with `QueryList<T>`.
    public func query<Output: Decodable & Sendable>(
        _ service: AWSService, action: String, parameters: [String: String]
    ) async throws -> Output {
        fatalError("contract")
    }

    /// Query protocol call whose result is not needed.
    public func query(_ service: AWSService, action: String, parameters: [String: String]) async throws {
        fatalError("contract")
    }

    /// JSON protocol call (`X-Amz-Target: <targetPrefix>.<operation>`).
    public func json<Input: Encodable & Sendable, Output: Decodable & Sendable>(
        _ service: AWSService, operation: String, input: Input
    ) async throws -> Output {
        fatalError("contract")
    }

    /// REST-JSON call. `path` is already percent-encoded (`/2015-03-31/functions/my-fn/code`).
    public func restJSON<Output: Decodable & Sendable>(
        _ service: AWSService, operation: String, method: String, path: String,
        query: [(String, String)], headers: [(String, String)], body: (any Encodable & Sendable)?
    ) async throws -> Output {
        fatalError("contract")
    }

    /// REST-XML call (S3). `bucket` and `key` are raw (not encoded); the client places the bucket
    /// in the host or the path (path style on custom endpoints) and encodes the key once.
    /// Returns the raw response; decode XML bodies with `decodeXML`.
    public func restXML(
        _ service: AWSService, operation: String, method: String, bucket: String?, key: String?,
        query: [(String, String)], headers: [(String, String)], body: HTTPBody
    ) async throws -> HTTPResponse {
        fatalError("contract")
    }

    /// Decodes an XML body with the service's member-name mapping and lenient dates.
    public func decodeXML<T: Decodable>(_ type: T.Type, from data: Data, service: AWSService) throws -> T {
        fatalError("contract")
    }
}

/// A query-protocol list: `<Name><member>...</member>...</Name>`; absent means empty.
public struct QueryList<Element: Decodable & Sendable>: Decodable, Sendable {
    public var member: [Element]
    public init(_ member: [Element] = []) { self.member = member }
    enum CodingKeys: String, CodingKey { case member }
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        member = try container.decodeIfPresent([Element].self, forKey: .member) ?? []
    }
}
