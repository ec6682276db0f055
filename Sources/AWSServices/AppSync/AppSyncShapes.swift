import Foundation

/// A GraphQL API (GetGraphqlApi, ListGraphqlApis).
package struct GraphqlApi: Decodable, Sendable, Equatable {
    package var name: String?
    package var apiId: String?
    package var authenticationType: String?
    package var arn: String?
    /// `GRAPHQL` / `REALTIME` → URL.
    package var uris: [String: String]?
    package var tags: [String: String]?
    package var xrayEnabled: Bool?
    /// `GRAPHQL` or `MERGED`.
    package var apiType: String?
}

/// The JavaScript runtime of a resolver or function (`APPSYNC_JS` `1.0.0`).
package struct AppSyncRuntime: Codable, Sendable, Equatable {
    package var name: String
    package var runtimeVersion: String

    /// A runtime.
    package init(name: String = "APPSYNC_JS", runtimeVersion: String = "1.0.0") {
        self.name = name
        self.runtimeVersion = runtimeVersion
    }
}

/// The functions a pipeline resolver runs, in order.
package struct PipelineConfig: Codable, Sendable, Equatable {
    package var functions: [String]?

    /// A pipeline of function IDs.
    package init(functions: [String]) { self.functions = functions }
}

/// Per-resolver caching.
package struct CachingConfig: Codable, Sendable, Equatable {
    package var ttl: Int64
    package var cachingKeys: [String]?
}

/// A resolver of one field (GetResolver, UpdateResolver).
package struct Resolver: Codable, Sendable, Equatable {
    package var typeName: String?
    package var fieldName: String?
    package var dataSourceName: String?
    package var resolverArn: String?
    /// VTL request template (VTL resolvers).
    package var requestMappingTemplate: String?
    /// VTL response template (VTL resolvers).
    package var responseMappingTemplate: String?
    /// `UNIT` or `PIPELINE`.
    package var kind: String?
    package var pipelineConfig: PipelineConfig?
    package var cachingConfig: CachingConfig?
    package var maxBatchSize: Int?
    package var runtime: AppSyncRuntime?
    /// JavaScript code (APPSYNC_JS resolvers).
    package var code: String?
}

/// A pipeline function (GetFunction, UpdateFunction, ListFunctions).
package struct AppSyncFunction: Codable, Sendable, Equatable {
    package var functionId: String?
    package var functionArn: String?
    package var name: String?
    package var description: String?
    package var dataSourceName: String?
    package var requestMappingTemplate: String?
    package var responseMappingTemplate: String?
    package var functionVersion: String?
    package var maxBatchSize: Int?
    package var runtime: AppSyncRuntime?
    package var code: String?
}

/// Where a schema upload stands (StartSchemaCreation, GetSchemaCreationStatus).
package struct SchemaCreationStatus: Decodable, Sendable, Equatable {
    /// `PROCESSING`, `ACTIVE`, `DELETING`, `FAILED`, `SUCCESS`, `NOT_APPLICABLE`.
    package var status: String?
    package var details: String?
}

struct GraphqlApiResult: Decodable, Sendable { var graphqlApi: GraphqlApi }
struct ResolverResult: Decodable, Sendable { var resolver: Resolver }
struct FunctionConfigurationResult: Decodable, Sendable { var functionConfiguration: AppSyncFunction }

struct ListGraphqlApisPage: Decodable, Sendable {
    var graphqlApis: [GraphqlApi]?
    var nextToken: String?
}

struct ListAppSyncFunctionsPage: Decodable, Sendable {
    var functions: [AppSyncFunction]?
    var nextToken: String?
}

/// The UpdateResolver body: the resolver's settings without its identity.
struct UpdateResolverBody: Encodable, Sendable {
    var dataSourceName: String?
    var requestMappingTemplate: String?
    var responseMappingTemplate: String?
    var kind: String?
    var pipelineConfig: PipelineConfig?
    var cachingConfig: CachingConfig?
    var maxBatchSize: Int?
    var runtime: AppSyncRuntime?
    var code: String?

    init(_ resolver: Resolver) {
        dataSourceName = resolver.dataSourceName
        requestMappingTemplate = resolver.requestMappingTemplate
        responseMappingTemplate = resolver.responseMappingTemplate
        kind = resolver.kind
        pipelineConfig = resolver.pipelineConfig
        cachingConfig = resolver.cachingConfig
        maxBatchSize = resolver.maxBatchSize
        runtime = resolver.runtime
        code = resolver.code
    }
}

/// The UpdateFunction body: the function's settings without its identity.
struct UpdateFunctionBody: Encodable, Sendable {
    var name: String?
    var description: String?
    var dataSourceName: String?
    var requestMappingTemplate: String?
    var responseMappingTemplate: String?
    var functionVersion: String?
    var maxBatchSize: Int?
    var runtime: AppSyncRuntime?
    var code: String?

    init(_ function: AppSyncFunction) {
        name = function.name
        description = function.description
        dataSourceName = function.dataSourceName
        requestMappingTemplate = function.requestMappingTemplate
        responseMappingTemplate = function.responseMappingTemplate
        functionVersion = function.functionVersion
        maxBatchSize = function.maxBatchSize
        runtime = function.runtime
        code = function.code
    }
}

struct StartSchemaCreationBody: Encodable, Sendable {
    /// The SDL, base64-encoded (a blob in JSON).
    var definition: String
}
