import Foundation
import Templates

/// The hot-swap targets of a SAM `AWS::Serverless::GraphQLApi`: the AppSync resources SAM's
/// transform generates from it, under the logical IDs it gives them.
///
/// | in the GraphQLApi `Api` | generated resource | logical ID |
/// |---|---|---|
/// | `SchemaUri` / `SchemaInline` | `AWS::AppSync::GraphQLSchema` | `ApiSchema` |
/// | `Functions.F` (`CodeUri` / `InlineCode`) | `AWS::AppSync::FunctionConfiguration` | `ApiF` |
/// | `Resolvers.Type.R` (`CodeUri` / `InlineCode`) | `AWS::AppSync::Resolver` | `ApiTypeR` |
///
/// A function given by `Id` (an existing one) and a resolver without code (SAM fills in its
/// default pipeline code) are not targets: Ferry has no local code for them.
package enum GraphQLApiTargets {
    /// The resource type.
    package static let resourceType = "AWS::Serverless::GraphQLApi"

    /// The targets of the GraphQLApi `id` in stack `stackPath`, reading local files from `folder`.
    /// - Throws: `HotswapError.unreadableArtifact` when a local schema or code file is missing.
    package static func targets(stackPath: String, id: LogicalID, properties: TemplateMap, folder: URL) throws -> [HotswapTarget] {
        let api: TemplateValue = ["Fn::GetAtt": [.string(id.rawValue), "ApiId"]]
        let name = "\(stackPath)/\(id.rawValue)"
        var targets: [HotswapTarget] = []
        let schema = try properties["SchemaInline"]?.stringValue
            ?? HotswapTargetCollector.localFile(properties["SchemaUri"], folder: folder, resource: name)
        if let schema {
            targets.append(HotswapTarget(stackPath: stackPath, logicalID: LogicalID(id.rawValue + "Schema"),
                                         resourceType: "AWS::AppSync::GraphQLSchema",
                                         artifact: .appSyncSchema(definition: schema, api: api)))
        }
        for (functionName, function) in properties["Functions"]?.mapValue ?? TemplateMap() {
            guard let function = function.mapValue, function["Id"] == nil,
                  let code = try code(of: function, folder: folder, resource: "\(name).Functions.\(functionName)") else { continue }
            targets.append(HotswapTarget(stackPath: stackPath, logicalID: LogicalID(id.rawValue + functionName),
                                         resourceType: "AWS::AppSync::FunctionConfiguration",
                                         artifact: .appSyncFunction(AppSyncCode(code: code), api: api)))
        }
        for (typeName, resolvers) in properties["Resolvers"]?.mapValue ?? TemplateMap() {
            for (resolverName, resolver) in resolvers.mapValue ?? TemplateMap() {
                guard let resolver = resolver.mapValue,
                      let code = try code(of: resolver, folder: folder, resource: "\(name).Resolvers.\(typeName).\(resolverName)")
                else { continue }
                let field = resolver["FieldName"]?.stringValue ?? resolverName
                targets.append(HotswapTarget(stackPath: stackPath, logicalID: LogicalID(id.rawValue + typeName + resolverName),
                                             resourceType: "AWS::AppSync::Resolver",
                                             artifact: .appSyncResolver(AppSyncCode(code: code), api: api, typeName: typeName,
                                                                        fieldName: field)))
            }
        }
        return targets
    }

    /// `InlineCode`, or the local file `CodeUri` names.
    static func code(of entry: TemplateMap, folder: URL, resource: String) throws -> String? {
        try entry["InlineCode"]?.stringValue ?? HotswapTargetCollector.localFile(entry["CodeUri"], folder: folder, resource: resource)
    }
}
