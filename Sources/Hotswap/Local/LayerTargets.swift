import Foundation
import Templates

/// The hot-swap targets of layers and function settings: a target per layer of the build
/// manifest (with the functions using it) and a settings target per built function.
package enum LayerTargets {
    /// Layer resource types.
    package static let layerTypes: Set<String> = ["AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion"]

    /// A target per layer artifact of `build` whose resource is created in this environment.
    package static func layers(tree: TemplateTree, build: LocalBuildState?, artifactBucket: String?) -> [HotswapTarget] {
        let users = consumers(in: tree)
        return (build?.artifacts ?? []).filter { $0.kind == "layer" || layerTypes.contains($0.resourceType) }.compactMap { artifact in
            guard let stack = tree.stack(at: artifact.stackPath),
                  let resource = stack.template.resources[LogicalID(artifact.logicalID)], !stack.evaluator.excludes(resource)
            else { return nil }
            let properties = resource.properties
            let evaluator = stack.evaluator
            func text(_ key: String) -> String? { evaluator.valueIfKnown(properties[key])?.scalarText }
            func list(_ key: String) -> [String]? { evaluator.valueIfKnown(properties[key])?.listValue?.compactMap(\.scalarText) }
            let s3 = artifactBucket.flatMap { bucket in artifact.s3Key.map { S3ObjectLocation(bucket: bucket, key: $0) } }
            let zip = LocalZip(path: artifact.zipPath, codeSha256: artifact.codeSha256, size: artifact.size, s3: s3)
            let layer = LocalLayer(
                zip: zip, layerName: text("LayerName"),
                settings: LayerPublishSettings(description: text("Description"), compatibleRuntimes: list("CompatibleRuntimes"),
                                               compatibleArchitectures: list("CompatibleArchitectures"),
                                               licenseInfo: text("LicenseInfo")),
                consumers: users["\(artifact.stackPath)/\(artifact.logicalID)"] ?? [])
            return HotswapTarget(stackPath: artifact.stackPath, logicalID: LogicalID(artifact.logicalID),
                                 resourceType: resource.type, artifact: .layer(layer), evaluator: evaluator)
        }
    }

    /// A settings target for each function target (same stack path, logical ID and type).
    package static func settings(of functions: [HotswapTarget], tree: TemplateTree) -> [HotswapTarget] {
        functions.compactMap { function in
            guard let stack = tree.stack(at: function.stackPath),
                  let resource = stack.template.resources[function.logicalID] else { return nil }
            let properties = SAMGlobals.effectiveProperties(of: resource, in: stack.template)
            let settings = FunctionSettings.from(properties, noEcho: noEchoParameters(of: stack.template))
            return HotswapTarget(stackPath: function.stackPath, logicalID: function.logicalID, resourceType: function.resourceType,
                                 artifact: .functionConfiguration(settings), evaluator: stack.evaluator)
        }
    }

    /// The `NoEcho` parameters of `template`.
    package static func noEchoParameters(of template: Template) -> Set<String> {
        var names = Set<String>()
        for (name, value) in template.parameters ?? TemplateMap() {
            let flag = value["NoEcho"]
            if flag?.boolValue == true || flag?.scalarText?.lowercased() == "true" { names.insert(name) }
        }
        return names
    }

    /// Per layer (`Root/Child/Layer`), the functions whose `Layers` refer to it: by `Ref` in the
    /// same stack, or by `Ref` of a parameter that the parent stack sets to a `Ref` of the layer
    /// (at any depth).
    package static func consumers(in tree: TemplateTree) -> [String: [FunctionReference]] {
        let stacks = Dictionary(tree.allStacks.map { ($0.stackPath, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: [FunctionReference]] = [:]
        for stack in tree.allStacks {
            for (id, resource) in stack.template.resources
            where ["AWS::Serverless::Function", "AWS::Lambda::Function"].contains(resource.type) && !stack.evaluator.excludes(resource) {
                let properties = SAMGlobals.effectiveProperties(of: resource, in: stack.template)
                let layers = stack.evaluator.valueIfKnown(properties["Layers"])?.listValue ?? properties["Layers"]?.listValue ?? []
                for value in layers {
                    guard let layer = layer(value, in: stack, stacks: stacks) else { continue }
                    let reference = FunctionReference(stackPath: stack.stackPath, logicalID: id.rawValue)
                    if !(result[layer]?.contains(reference) ?? false) { result[layer, default: []].append(reference) }
                }
            }
        }
        return result
    }

    /// The layer (`Stack/Path/Layer`) a `Layers` entry refers to, following nested stack parameters up.
    static func layer(_ value: TemplateValue, in stack: StackNode, stacks: [String: StackNode]) -> String? {
        guard let name = value["Ref"]?.stringValue else { return nil }
        if let resource = stack.template.resources[LogicalID(name)] {
            return layerTypes.contains(resource.type) ? "\(stack.stackPath)/\(name)" : nil
        }
        guard stack.template.parameters?[name] != nil, let childID = stack.logicalID else { return nil }
        let parentPath = stack.stackPath.split(separator: "/").dropLast().joined(separator: "/")
        guard let parent = stacks[parentPath],
              let passed = parent.template.resources[childID]?.properties["Parameters"]?[name] else { return nil }
        return layer(passed, in: parent, stacks: stacks)
    }
}
