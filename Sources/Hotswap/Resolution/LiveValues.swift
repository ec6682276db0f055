import Foundation
import Templates

/// The live values a stack's template evaluation needs during a hot-swap: pseudo parameters read
/// from a deployed ARN and the stack's name, and the `Ref`/`Fn::GetAtt` values of deployed
/// resources. Evaluation itself is ``TemplateEvaluator``'s.
package enum LiveValues {
    /// `target`'s evaluator (its stack's parameters and conditions) knowing the live values that
    /// `values` refer to. A reference that cannot be read is left unknown: evaluating it then
    /// throws an `Unevaluable` naming it.
    /// - Parameter knownArn: any ARN of the same account and region (the resource's own, when it is one).
    package static func evaluator(for target: HotswapTarget, values: [TemplateValue], knownArn: String?,
                                 context: DetectionContext) async -> TemplateEvaluator {
        var evaluator = target.evaluator ?? TemplateEvaluator(template: Template())
        var pseudo = pseudoParameters(fromArn: knownArn)
        if let stackName = try? await context.resolver.stackName(for: target.stackPath) {
            // An ARN `arn:...:stack/NAME/ID` names the stack in its middle.
            let parts = stackName.split(separator: "/")
            pseudo["AWS::StackName"] = stackName.hasPrefix("arn:") && parts.count >= 2 ? String(parts[1]) : stackName
            if stackName.hasPrefix("arn:") { pseudo["AWS::StackId"] = stackName }
        }
        evaluator = evaluator.knowing(pseudoParameters: pseudo)
        if !evaluator.unknownParameters.isEmpty, let deployed = try? await context.resolver.parameters(stackPath: target.stackPath) {
            // A nested stack's parameter its parent computes (`!Ref Bucket`), or one without a default.
            evaluator = evaluator.knowing(deployedParameters: deployed)
        }
        var references: [ResourceReference] = []
        for value in values { references += evaluator.resourceReferences(in: value) }
        var known: [String: String] = [:]
        for reference in Set(references) {
            if let value = try? await live(reference, stackPath: target.stackPath, pseudo: evaluator.pseudoParameters,
                                           context: context) {
                known[reference.key] = value
            }
        }
        return evaluator.knowing(resourceValues: known)
    }

    /// `AWS::Partition`, `AWS::Region`, `AWS::AccountId`, `AWS::URLSuffix` from an ARN.
    package static func pseudoParameters(fromArn arn: String?) -> [String: String] {
        guard let arn else { return [:] }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 4, parts[0] == "arn" else { return [:] }
        return ["AWS::Partition": parts[1], "AWS::Region": parts[3], "AWS::AccountId": parts[4],
                "AWS::URLSuffix": parts[1] == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"]
    }

    /// The live value of `Ref X` (the physical ID) or `Fn::GetAtt X.Arn` (Lambda functions,
    /// resources whose ID is an ARN, DynamoDB tables); nil when it cannot be read here.
    static func live(_ reference: ResourceReference, stackPath: String, pseudo: [String: String],
                     context: DetectionContext) async throws -> String? {
        let deployed = try await context.resolver.resource(stackPath: stackPath, logicalID: reference.logicalID)
        guard let attribute = reference.attribute else { return deployed.physicalID }
        guard attribute == "Arn" else { return nil }
        if deployed.resourceType == "AWS::Lambda::Function" {
            if let arn = try await context.services.functions.liveCode(of: deployed.physicalID).functionArn { return arn }
        }
        if deployed.physicalID.hasPrefix("arn:") { return deployed.physicalID }
        if deployed.resourceType == "AWS::DynamoDB::Table", let partition = pseudo["AWS::Partition"],
           let region = pseudo["AWS::Region"], let account = pseudo["AWS::AccountId"] {
            return "arn:\(partition):dynamodb:\(region):\(account):table/\(deployed.physicalID)"
        }
        return nil
    }
}
