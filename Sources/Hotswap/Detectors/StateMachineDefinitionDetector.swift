import Foundation
import Templates

/// Step Functions definitions: hot-swapped when the local definition, with its substitutions
/// evaluated (parameters and conditions from its stack, resource values from live resources),
/// differs (as JSON) from the deployed one.
package struct StateMachineDefinitionDetector: HotswapDetector {
    package var resourceTypes: Set<String> { ["AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"] }
    package var hotswappableProperties: [String] {
        ["DefinitionString", "Definition", "DefinitionS3Location", "DefinitionSubstitutions", "DefinitionUri"]
    }

    /// A detector.
    package init() {}

    package func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        guard case .stateMachineDefinition(let definition, let substitutions) = target.artifact else {
            return .rejected(reason: "no local definition for this state machine")
        }
        let values = [definition] + (substitutions.map { [TemplateValue.map($0)] } ?? [])
        let evaluator = await LiveValues.evaluator(for: target, values: values, knownArn: physicalID, context: context)
        let local: String
        do {
            local = try DefinitionText.resolve(definition, substitutions: substitutions, evaluator: evaluator)
        } catch let failure as Unevaluable {
            return .cannotEvaluate(failure)
        } catch {
            return .rejected(reason: "the local definition is not valid JSON or YAML after substitution: \(error)")
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
}

/// A state machine definition as CloudFormation makes it: the text (a definition file, a
/// `DefinitionString`, a `Definition` mapping written as JSON) with its intrinsics evaluated,
/// then `${Name}` of each substitution replaced in the text, then parsed (so `"MaxAttempts": ${Retries}`
/// is valid), and written as JSON.
package enum DefinitionText {
    /// The definition's JSON text.
    /// - Throws: ``Unevaluable`` when a value only CloudFormation knows is needed; `TemplateError`
    ///   when the text is not JSON or YAML after substitution.
    package static func resolve(_ definition: TemplateValue, substitutions: TemplateMap?,
                               evaluator: TemplateEvaluator) throws -> String {
        var text: String
        if case .map = definition, !definition.isIntrinsic {
            text = JSONTemplateWriter(indent: 0).write(try evaluator.value(definition) ?? .map(TemplateMap()))
        } else {
            text = try evaluator.string(definition)
        }
        for (key, value) in substitutions ?? TemplateMap() {
            let placeholder = "${\(key)}"
            guard text.contains(placeholder) else { continue }
            text = text.replacingOccurrences(of: placeholder, with: try evaluator.string(value))
        }
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil { return text }
        return JSONTemplateWriter(indent: 0).write(try TemplateLoader.parseValue(text, file: "state machine definition"))
    }
}
