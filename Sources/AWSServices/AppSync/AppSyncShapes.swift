import Foundation

/// A GraphQL API (GetGraphqlApi, ListGraphqlApis).
public struct GraphqlApi: Decodable, Sendable, Equatable {
    public var name: String?
    public var apiId: String?
    public var authenticationType: String?
    public var arn: String?
    /// `GRAPHQL` / `REALTIME` → URL.
    public var uris: [String: String]?
    public var tags: [String: String]?
    public var xrayEnabled: Bool?
    /// `GRAPHQL` or `MERGED`.
    public var apiType: String?
}

/// The JavaScript runtime of a resolver or function (`APPSYNC_JS` `1.0.0`).
public struct AppSyncRuntime: Codable, Sendable, Equatable {
    public var name: String
    public var runtimeVersion: String

    /// A runtime.
    public init(name: String = "APPSYNC_JS", runtimeVersion: String = "1.0.0") {
        self.name = name
        self.runtimeVersion = runtimeVersion
    }
}

/// The functions a pipeline resolver runs, in order.
public struct PipelineConfig: Codable, Sendable, Equatable {
    public var functions: [String]?

    /// A pipeline of function IDs.
    public init(functions: [String]) { self.functions = functions }
}

/// Per-resolver caching.
public struct CachingConfig: Codable, Sendable, Equatable {
    public var ttl: Int64
    public var cachingKeys: [String]?
}

/// A resolver of one field (GetResolver, UpdateResolver).
public struct Resolver: Codable, Sendable, Equatable {
    public var typeName: String?
    public var fieldName: String?
    public var dataSourceName: String?
    public var resolverArn: String?
    /// VTL request template (VTL resolvers).
    public var requestMappingTemplate: String?
    /// VTL response template (VTL resolvers).
    public var responseMappingTemplate: String?
    /// `UNIT` or `PIPELINE`.
    public var kind: String?
    public var pipelineConfig: PipelineConfig?
    public var cachingConfig: CachingConfig?
    public var maxBatchSize: Int?
    public var runtime: AppSyncRuntime?
    /// JavaScript code (APPSYNC_JS resolvers).
    public var code: String?
}

/// A pipeline function (GetFunction, UpdateFunction, ListFunctions).
public struct AppSyncFunction: Codable, Sendable, Equatable {
    public var functionId: String?
    public var functionArn: String?
    public var name: String?
    public var description: String?
    public var dataSourceName: String?
    public var requestMappingTemplate: String?
    public var responseMappingTemplate: String?
    public var functionVersion: String?
    public var maxBatchSize: Int?
    public var runtime: AppSyncRuntime?
    public var code: String?
}

/// Where a schema upload stands (StartSchemaCreation, GetSchemaCreationStatus).
public struct SchemaCreationStatus: Decodable, Sendable, Equatable {
    /// `PROCESSING`, `ACTIVE`, `DELETING`, `FAILED`, `SUCCESS`, `NOT_APPLICABLE`.
    public var status: String?
    public var details: String?
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
