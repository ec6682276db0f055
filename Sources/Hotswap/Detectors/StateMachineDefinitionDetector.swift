import Foundation
import Templates

/// Step Functions definitions: hot-swapped when the local definition, with its substitutions
/// resolved from live resources, differs (as JSON) from the deployed one.
public struct StateMachineDefinitionDetector: HotswapDetector {
    public var resourceTypes: Set<String> { ["AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"] }
    public var hotswappableProperties: [String] {
        ["DefinitionString", "Definition", "DefinitionS3Location", "DefinitionSubstitutions", "DefinitionUri"]
    }

    /// A detector.
    public init() {}

    public func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        guard case .stateMachineDefinition(let definition, let substitutions) = target.artifact else {
            return .rejected(reason: "no local definition for this state machine")
        }
        let local: String
        do {
            local = try await Self.resolve(definition, substitutions: substitutions, target: target,
                                           physicalID: physicalID, context: context)
        } catch let error as UnresolvableIntrinsic {
            return .rejected(reason: "the definition uses \(error.description)")
        }
        let live = try await context.services.stateMachines.definition(of: physicalID)
        let newHash = DefinitionJSON.hash(local)
        if DefinitionJSON.normalised(live) == DefinitionJSON.normalised(local) {
            return .noChange(physicalID: physicalID, hash: newHash)
        }
        return .hotswap(HotswapOperation(
            target: target, physicalID: physicalID,
            change: .stateMachineDefinition(stateMachineArn: physicalID, definition: local),
            oldHash: DefinitionJSON.hash(live), newHash: newHash))
    }

    /// The definition text with every intrinsic and `${Substitution}` resolved.
    static func resolve(_ definition: TemplateValue, substitutions: TemplateMap?, target: HotswapTarget,
                        physicalID: String, context: DetectionContext) async throws -> String {
        let stackName = try? await context.resolver.stackName(for: target.stackPath)
        let resolver = IntrinsicResolver(stackPath: target.stackPath, context: context, knownArn: physicalID, stackName: stackName)
        var text: String
        switch definition {
        case .map where !definition.isIntrinsic:
            let object = try await resolver.json(definition)
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            text = String(decoding: data, as: UTF8.self)
        default:
            text = try await resolver.string(definition)
        }
        for (key, value) in substitutions ?? TemplateMap() {
            text = text.replacingOccurrences(of: "${\(key)}", with: try await resolver.string(value))
        }
        return text
    }
}
