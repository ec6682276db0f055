import Foundation
import Templates

/// Builds the hot-swap targets of a project: functions (code and settings) and layers from the
/// build manifest, state machine definitions and AppSync code and schemas from the templates (a
/// SAM GraphQLApi's included).
package enum HotswapTargetCollector {
    /// Every target of `tree`, with function code from `build`.
    ///
    /// - Parameters:
    ///   - tree: the local template tree (stack paths as in the manifest).
    ///   - build: the build manifest; functions without an entry are not targets.
    ///   - artifactBucket: where packaged zips are.
    ///   - publishAlias: an alias the environment asks to move for every function (else each
    ///     function's `AutoPublishAlias`).
    /// - Throws: `HotswapError.unreadableArtifact` when a local definition or code file is missing.
    package static func targets(tree: TemplateTree, build: LocalBuildState?, artifactBucket: String?,
                               publishAlias: String? = nil) throws -> [HotswapTarget] {
        var targets: [HotswapTarget] = []
        for var target in build?.functionTargets(artifactBucket: artifactBucket) ?? [] {
            let stack = tree.stack(at: target.stackPath)
            if let stack, let resource = stack.template.resources[target.logicalID], stack.evaluator.excludes(resource) {
                continue  // its condition is false here: not created, not hot-swapped
            }
            let facts = stack?.template.functions(evaluatedBy: stack?.evaluator).first { $0.logicalID == target.logicalID }
            target.evaluator = stack?.evaluator
            target.publishAlias = publishAlias ?? facts?.properties["AutoPublishAlias"]?.stringValue
            targets.append(target)
        }
        let functions = targets
        for stack in tree.allStacks {
            let folder = stack.templateURL.deletingLastPathComponent()
            for (id, resource) in stack.template.resources where !stack.evaluator.excludes(resource) {
                let properties = resource.properties
                let name = "\(stack.stackPath)/\(id.rawValue)"
                let artifact: LocalArtifactContent?
                switch resource.type {
                case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine":
                    artifact = try stateMachine(properties, folder: folder, resource: name)
                case "AWS::AppSync::Resolver":
                    guard let type = properties["TypeName"]?.stringValue, let field = properties["FieldName"]?.stringValue
                    else { artifact = nil; break }
                    artifact = try appSyncCode(properties, folder: folder, resource: name).map {
                        .appSyncResolver($0, api: properties["ApiId"], typeName: type, fieldName: field)
                    }
                case "AWS::AppSync::FunctionConfiguration":
                    artifact = try appSyncCode(properties, folder: folder, resource: name).map {
                        .appSyncFunction($0, api: properties["ApiId"])
                    }
                case GraphQLApiTargets.resourceType:
                    targets += try GraphQLApiTargets.targets(stackPath: stack.stackPath, id: id, properties: properties, folder: folder)
                    artifact = nil
                case "AWS::AppSync::GraphQLSchema":
                    let text = try properties["Definition"]?.stringValue
                        ?? localFile(properties["DefinitionS3Location"], folder: folder, resource: name)
                    artifact = text.map { .appSyncSchema(definition: $0, api: properties["ApiId"]) }
                default:
                    artifact = nil
                }
                if let artifact {
                    targets.append(HotswapTarget(stackPath: stack.stackPath, logicalID: id, resourceType: resource.type,
                                                 artifact: artifact, evaluator: stack.evaluator))
                }
            }
        }
        // After the others, so each resource's first target stays its code or definition.
        targets += LayerTargets.settings(of: functions, tree: tree)
        targets += LayerTargets.layers(tree: tree, build: build, artifactBucket: artifactBucket)
        return targets
    }

    static func stateMachine(_ properties: TemplateMap, folder: URL, resource: String) throws -> LocalArtifactContent? {
        let substitutions = properties["DefinitionSubstitutions"]?.mapValue
        if let definition = properties["DefinitionString"] ?? properties["Definition"] {
            return .stateMachineDefinition(definition: definition, substitutions: substitutions)
        }
        let location = properties["DefinitionS3Location"] ?? properties["DefinitionUri"]
        guard let text = try localFile(location, folder: folder, resource: resource) else { return nil }
        // The file's text: substitutions are made before it is parsed (`"MaxAttempts": ${Retries}`).
        return .stateMachineDefinition(definition: .string(text), substitutions: substitutions)
    }

    static func appSyncCode(_ properties: TemplateMap, folder: URL, resource: String) throws -> AppSyncCode? {
        let code = try properties["Code"]?.stringValue ?? localFile(properties["CodeS3Location"], folder: folder, resource: resource)
        let request = try properties["RequestMappingTemplate"]?.stringValue
            ?? localFile(properties["RequestMappingTemplateS3Location"], folder: folder, resource: resource)
        let response = try properties["ResponseMappingTemplate"]?.stringValue
            ?? localFile(properties["ResponseMappingTemplateS3Location"], folder: folder, resource: resource)
        guard code != nil || request != nil || response != nil else { return nil }
        return AppSyncCode(code: code, requestMappingTemplate: request, responseMappingTemplate: response)
    }

    /// The text of a local file named by a packageable property (nil for S3 URIs and intrinsics).
    static func localFile(_ value: TemplateValue?, folder: URL, resource: String) throws -> String? {
        guard let path = value?.stringValue, !path.hasPrefix("s3://"), !path.hasPrefix("https://") else { return nil }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw HotswapError.unreadableArtifact(resource: resource, path: url.path, reason: "the file cannot be read")
        }
    }
}
