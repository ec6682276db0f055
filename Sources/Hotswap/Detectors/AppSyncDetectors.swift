import AWSServices
import Foundation
import Templates

/// The API ID and function ID inside AppSync ARNs (`arn:aws:appsync:r:a:apis/ID/functions/FID`).
enum AppSyncARN {
    /// The segment after `name/` in `arn`, if any.
    static func segment(after name: String, in arn: String) -> String? {
        let parts = arn.split(separator: "/").map(String.init)
        guard let index = parts.firstIndex(where: { $0 == name || $0.hasSuffix(":\(name)") }), index + 1 < parts.count
        else { return nil }
        return parts[index + 1]
    }

    /// The API ID of a target: from its physical ID when that is an AppSync ARN, else from the
    /// template's `ApiId` (a literal or a `Ref`/`GetAtt` to the deployed API).
    static func apiID(physicalID: String, api: TemplateValue?, target: HotswapTarget, context: DetectionContext) async throws -> String? {
        if let id = segment(after: "apis", in: physicalID) { return id }
        guard let api else { return nil }
        let value: String
        if case .getAtt(let resource, _)? = api.intrinsic {
            value = try await context.resolver.physicalID(stackPath: target.stackPath, logicalID: resource)
        } else {
            value = try await LiveValues.evaluator(for: target, values: [api], knownArn: nil, context: context).string(api)
        }
        return segment(after: "apis", in: value) ?? value
    }

    /// Whether the managed parts of `local` equal those live.
    static func same(_ local: AppSyncCode, code: String?, request: String?, response: String?) -> Bool {
        (local.code == nil || local.code == code)
            && (local.requestMappingTemplate == nil || local.requestMappingTemplate == request)
            && (local.responseMappingTemplate == nil || local.responseMappingTemplate == response)
    }

    /// A hash of the managed parts, for plans.
    static func hash(code: String?, request: String?, response: String?) -> String {
        ContentHash.hex([code ?? "", request ?? "", response ?? ""].joined(separator: "\u{0}"))
    }
}

/// AppSync resolvers: `Code`, `RequestMappingTemplate`, `ResponseMappingTemplate` (and their S3 forms).
package struct AppSyncResolverCodeDetector: HotswapDetector {
    package var resourceTypes: Set<String> { ["AWS::AppSync::Resolver"] }
    package var hotswappableProperties: [String] {
        ["Code", "CodeS3Location", "RequestMappingTemplate", "RequestMappingTemplateS3Location",
         "ResponseMappingTemplate", "ResponseMappingTemplateS3Location"]
    }

    /// A detector.
    package init() {}

    package func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        guard case .appSyncResolver(let local, let api, let typeName, let fieldName) = target.artifact else {
            return .rejected(reason: "no local code for this resolver")
        }
        let apiID: String?
        do { apiID = try await AppSyncARN.apiID(physicalID: physicalID, api: api, target: target, context: context) } catch let error as Unevaluable {
            return .cannotEvaluate(error)
        }
        guard let apiID else { return .rejected(reason: "the resolver's API cannot be found from \(physicalID)") }
        let live = try await context.services.appSync.resolver(apiId: apiID, typeName: typeName, fieldName: fieldName)
        let newHash = AppSyncARN.hash(code: local.code, request: local.requestMappingTemplate, response: local.responseMappingTemplate)
        if AppSyncARN.same(local, code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate) {
            return .noChange(physicalID: physicalID, hash: newHash)
        }
        return .hotswap(HotswapOperation(
            target: target, physicalID: physicalID,
            change: .appSyncResolver(apiId: apiID, typeName: typeName, fieldName: fieldName, code: local),
            oldHash: AppSyncARN.hash(code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate),
            newHash: newHash))
    }
}

/// AppSync pipeline functions: `Code` and mapping templates.
package struct AppSyncFunctionCodeDetector: HotswapDetector {
    package var resourceTypes: Set<String> { ["AWS::AppSync::FunctionConfiguration"] }
    package var hotswappableProperties: [String] {
        ["Code", "CodeS3Location", "RequestMappingTemplate", "RequestMappingTemplateS3Location",
         "ResponseMappingTemplate", "ResponseMappingTemplateS3Location"]
    }

    /// A detector.
    package init() {}

    package func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        guard case .appSyncFunction(let local, let api) = target.artifact else {
            return .rejected(reason: "no local code for this function")
        }
        let apiID: String?
        do { apiID = try await AppSyncARN.apiID(physicalID: physicalID, api: api, target: target, context: context) } catch let error as Unevaluable {
            return .cannotEvaluate(error)
        }
        guard let apiID, let functionID = AppSyncARN.segment(after: "functions", in: physicalID) else {
            return .rejected(reason: "the function's API and ID cannot be read from \(physicalID)")
        }
        let live = try await context.services.appSync.function(apiId: apiID, functionId: functionID)
        let newHash = AppSyncARN.hash(code: local.code, request: local.requestMappingTemplate, response: local.responseMappingTemplate)
        if AppSyncARN.same(local, code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate) {
            return .noChange(physicalID: physicalID, hash: newHash)
        }
        return .hotswap(HotswapOperation(
            target: target, physicalID: physicalID,
            change: .appSyncFunction(apiId: apiID, functionId: functionID, code: local),
            oldHash: AppSyncARN.hash(code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate),
            newHash: newHash))
    }
}

/// The AppSync schema: `Definition` / `DefinitionS3Location`, compared token by token (AppSync
/// re-prints the schema it stores, so whitespace, commas and comments do not count).
package struct AppSyncSchemaDetector: HotswapDetector {
    package var resourceTypes: Set<String> { ["AWS::AppSync::GraphQLSchema"] }
    package var hotswappableProperties: [String] { ["Definition", "DefinitionS3Location"] }

    /// A detector.
    package init() {}

    package func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        guard case .appSyncSchema(let definition, let api) = target.artifact else {
            return .rejected(reason: "no local schema")
        }
        let apiID: String?
        do { apiID = try await AppSyncARN.apiID(physicalID: physicalID, api: api, target: target, context: context) } catch let error as Unevaluable {
            return .cannotEvaluate(error)
        }
        guard let apiID else { return .rejected(reason: "the schema's API cannot be found from \(physicalID)") }
        let live = try await context.services.appSync.schema(apiId: apiID)
        let newHash = ContentHash.hex(Self.normalised(definition))
        if Self.normalised(live) == Self.normalised(definition) {
            return .noChange(physicalID: physicalID, hash: newHash)
        }
        return .hotswap(HotswapOperation(
            target: target, physicalID: physicalID, change: .appSyncSchema(apiId: apiID, definition: definition),
            oldHash: ContentHash.hex(Self.normalised(live)), newHash: newHash))
    }

    /// SDL as its tokens: see `GraphQLSchemaText.normalised`.
    static func normalised(_ sdl: String) -> String {
        GraphQLSchemaText.normalised(sdl)
    }
}
