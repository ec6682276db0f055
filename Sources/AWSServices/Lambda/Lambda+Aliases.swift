import AWSCore
import Foundation

extension Lambda {
    /// An alias of a function (GetAlias).
    package func getAlias(_ functionName: String, name: String) async throws -> AliasConfiguration {
        try await call("GetAlias", "GET", Self.functionPath(functionName, "/aliases/\(Self.pathSegment(name))"))
    }

    /// Creates an alias pointing at a version (CreateAlias).
    package func createAlias(
        _ functionName: String, name: String, functionVersion: String, description: String? = nil,
        routingConfig: AliasRoutingConfiguration? = nil
    ) async throws -> AliasConfiguration {
        let body = CreateAliasBody(
            name: name, functionVersion: functionVersion, description: description, routingConfig: routingConfig)
        return try await call("CreateAlias", "POST", Self.functionPath(functionName, "/aliases"), body: body)
    }

    /// Points an alias at another version or changes its routing (UpdateAlias).
    package func updateAlias(
        _ functionName: String, name: String, functionVersion: String? = nil, description: String? = nil,
        routingConfig: AliasRoutingConfiguration? = nil, revisionId: String? = nil
    ) async throws -> AliasConfiguration {
        let body = UpdateAliasBody(
            functionVersion: functionVersion, description: description, routingConfig: routingConfig, revisionId: revisionId)
        return try await call("UpdateAlias", "PUT", Self.functionPath(functionName, "/aliases/\(Self.pathSegment(name))"), body: body)
    }
}
