import AWSCore
import Foundation

/// AWS AppSync: GraphQL APIs, their resolvers, functions and schema.
package struct AppSync: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// An AppSync client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    static func apiPath(_ apiId: String, _ segments: String...) -> String {
        (["", "v1", "apis", Lambda.pathSegment(apiId)] + segments.map(Lambda.pathSegment)).joined(separator: "/")
    }

    func call<Output: Decodable & Sendable>(
        _ operation: String, _ method: String, _ path: String, query: [(String, String)] = [],
        body: (any Encodable & Sendable)? = nil
    ) async throws -> Output {
        try await client.restJSON(.appSync, operation: operation, method: method, path: path, query: query, headers: [], body: body)
    }

    /// Whether an error says the API, resolver or function does not exist.
    package static func isNotFound(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "NotFoundException"
    }

    /// A GraphQL API (GetGraphqlApi).
    package func getGraphqlApi(_ apiId: String) async throws -> GraphqlApi {
        let result: GraphqlApiResult = try await call("GetGraphqlApi", "GET", Self.apiPath(apiId))
        return result.graphqlApi
    }

    /// Every GraphQL API in the region, all pages (ListGraphqlApis).
    package func listGraphqlApis() async throws -> [GraphqlApi] {
        try await paginate(operation: "ListGraphqlApis") { token in
            let page: ListGraphqlApisPage = try await call(
                "ListGraphqlApis", "GET", "/v1/apis", query: token.map { [("nextToken", $0)] } ?? [])
            return page
        } items: { $0.graphqlApis ?? [] } nextToken: { $0.nextToken }
    }

    /// The resolver of `typeName.fieldName` (GetResolver).
    package func getResolver(apiId: String, typeName: String, fieldName: String) async throws -> Resolver {
        let result: ResolverResult = try await call(
            "GetResolver", "GET", Self.apiPath(apiId, "types", typeName, "resolvers", fieldName))
        return result.resolver
    }

    /// Replaces a resolver's settings with those of `resolver` (UpdateResolver); its type and
    /// field name say which resolver.
    package func updateResolver(apiId: String, _ resolver: Resolver) async throws -> Resolver {
        guard let typeName = resolver.typeName, let fieldName = resolver.fieldName else {
            throw AWSServicesError.invalidInput(
                operation: "UpdateResolver", detail: "the resolver needs a typeName and a fieldName")
        }
        let result: ResolverResult = try await call(
            "UpdateResolver", "POST", Self.apiPath(apiId, "types", typeName, "resolvers", fieldName),
            body: UpdateResolverBody(resolver))
        return result.resolver
    }

    /// A pipeline function (GetFunction).
    package func getFunction(apiId: String, functionId: String) async throws -> AppSyncFunction {
        let result: FunctionConfigurationResult = try await call("GetFunction", "GET", Self.apiPath(apiId, "functions", functionId))
        return result.functionConfiguration
    }

    /// Replaces a pipeline function's settings with those of `function` (UpdateFunction).
    package func updateFunction(apiId: String, _ function: AppSyncFunction) async throws -> AppSyncFunction {
        guard let functionId = function.functionId else {
            throw AWSServicesError.invalidInput(operation: "UpdateFunction", detail: "the function needs a functionId")
        }
        let result: FunctionConfigurationResult = try await call(
            "UpdateFunction", "POST", Self.apiPath(apiId, "functions", functionId), body: UpdateFunctionBody(function))
        return result.functionConfiguration
    }

    /// Every pipeline function of an API, all pages (ListFunctions).
    package func listFunctions(apiId: String) async throws -> [AppSyncFunction] {
        try await paginate(operation: "ListFunctions") { token in
            let page: ListAppSyncFunctionsPage = try await call(
                "ListFunctions", "GET", Self.apiPath(apiId, "functions"), query: token.map { [("nextToken", $0)] } ?? [])
            return page
        } items: { $0.functions ?? [] } nextToken: { $0.nextToken }
    }

    /// Starts replacing the schema with `definition` (SDL) (StartSchemaCreation); poll
    /// `getSchemaCreationStatus` until it is no longer `PROCESSING`.
    package func startSchemaCreation(apiId: String, definition: String) async throws -> SchemaCreationStatus {
        try await call(
            "StartSchemaCreation", "POST", Self.apiPath(apiId, "schemacreation"),
            body: StartSchemaCreationBody(definition: Data(definition.utf8).base64EncodedString()))
    }

    /// Where the last schema upload stands (GetSchemaCreationStatus).
    package func getSchemaCreationStatus(apiId: String) async throws -> SchemaCreationStatus {
        try await call("GetSchemaCreationStatus", "GET", Self.apiPath(apiId, "schemacreation"))
    }

    /// The API's schema as SDL text (GetIntrospectionSchema with `format=SDL`).
    package func getIntrospectionSchema(apiId: String, includeDirectives: Bool = true) async throws -> String {
        let response = try await client.restJSONResponse(
            .appSync, operation: "GetIntrospectionSchema", method: "GET", path: Self.apiPath(apiId, "schema"),
            query: [("format", "SDL"), ("includeDirectives", includeDirectives ? "true" : "false")], headers: [], body: nil)
        return String(decoding: response.body, as: UTF8.self)
    }
}
