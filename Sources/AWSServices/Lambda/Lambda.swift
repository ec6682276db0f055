import AWSCore
import Foundation

/// AWS Lambda: functions, their code, versions, aliases and layers.
package struct Lambda: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// A Lambda client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// Percent-encodes one path segment: everything but unreserved characters, so ARNs
    /// (`arn:aws:lambda:...:function:name`) and qualifiers stay one segment.
    package static func pathSegment(_ value: String) -> String {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// `/2015-03-31/functions/<name>` followed by `suffix`.
    static func functionPath(_ functionName: String, _ suffix: String = "") -> String {
        "/2015-03-31/functions/\(pathSegment(functionName))\(suffix)"
    }

    func call<Output: Decodable & Sendable>(
        _ operation: String, _ method: String, _ path: String, query: [(String, String)] = [],
        body: (any Encodable & Sendable)? = nil
    ) async throws -> Output {
        try await client.restJSON(.lambda, operation: operation, method: method, path: path, query: query, headers: [], body: body)
    }

    /// Whether an error says the function, version, alias or layer does not exist.
    package static func isResourceNotFound(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "ResourceNotFoundException"
    }

    /// Whether an error says another update of the function is still running
    /// (`ResourceConflictException`); wait and try again.
    package static func isUpdateInProgress(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "ResourceConflictException"
    }

    /// Whether an error says the `RevisionId` or `CodeSha256` given no longer matches
    /// (`PreconditionFailedException`).
    package static func isPreconditionFailed(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "PreconditionFailedException"
    }

    /// A function's settings and a link to its code (GetFunction); `qualifier` is a version or alias.
    package func getFunction(_ functionName: String, qualifier: String? = nil) async throws -> GetFunctionOutput {
        try await call("GetFunction", "GET", Self.functionPath(functionName), query: qualifier.map { [("Qualifier", $0)] } ?? [])
    }

    /// A function's settings, including CodeSha256 and LastUpdateStatus (GetFunctionConfiguration).
    package func getFunctionConfiguration(_ functionName: String, qualifier: String? = nil) async throws -> FunctionConfiguration {
        try await call(
            "GetFunctionConfiguration", "GET", Self.functionPath(functionName, "/configuration"),
            query: qualifier.map { [("Qualifier", $0)] } ?? [])
    }

    /// One page of ListFunctions (Lambda returns up to 50 functions a page; `marker`: the previous
    /// page's `nextMarker`). AWS leaves out some settings a GetFunctionConfiguration gives (`State`,
    /// `LastUpdateStatus` and their reasons).
    package func listFunctionsPage(marker: String?) async throws -> (functions: [FunctionConfiguration], nextMarker: String?) {
        let page: ListFunctionsPage = try await call(
            "ListFunctions", "GET", "/2015-03-31/functions/", query: marker.map { [("Marker", $0)] } ?? [])
        return (page.functions ?? [], page.nextMarker)
    }

    /// Every function in the region, all pages (ListFunctions).
    package func listFunctions() async throws -> [FunctionConfiguration] {
        try await paginate(operation: "ListFunctions") { marker in
            let page: ListFunctionsPage = try await call(
                "ListFunctions", "GET", "/2015-03-31/functions/", query: marker.map { [("Marker", $0)] } ?? [])
            return page
        } items: { $0.functions ?? [] } nextToken: { $0.nextMarker }
    }

    /// Changes a function's settings (UpdateFunctionConfiguration); the change finishes
    /// asynchronously, see `waitUntilUpdated`.
    package func updateFunctionConfiguration(
        _ functionName: String, _ update: FunctionConfigurationUpdate
    ) async throws -> FunctionConfiguration {
        try await call("UpdateFunctionConfiguration", "PUT", Self.functionPath(functionName, "/configuration"), body: update)
    }
}
