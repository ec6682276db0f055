import AWSCore
import Foundation

extension CloudFormation {
    /// The template of a stack or of a change set (GetTemplate).
    ///
    /// - Parameters:
    ///   - stackName: the stack's name or ID.
    ///   - changeSetName: a change set, to get the template it would deploy.
    ///   - stage: `.original` (as submitted) or `.processed` (transforms expanded); `nil` is `.original`.
    package func getTemplate(
        stackName: String, changeSetName: String? = nil, stage: TemplateStage? = nil
    ) async throws -> GetTemplateOutput {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("ChangeSetName", changeSetName)
        parameters.set("TemplateStage", stage?.rawValue)
        return try await call("GetTemplate", parameters)
    }

    /// Checks a template's syntax and lists its parameters and capabilities (ValidateTemplate).
    package func validateTemplate(_ template: TemplateSource) async throws -> ValidateTemplateOutput {
        var parameters = QueryParameters()
        template.add(to: &parameters)
        return try await call("ValidateTemplate", parameters)
    }

    /// Parameters, resource types and capabilities of a template or a deployed stack (GetTemplateSummary).
    package func getTemplateSummary(_ template: TemplateSource) async throws -> TemplateSummary {
        var parameters = QueryParameters()
        template.add(to: &parameters)
        return try await call("GetTemplateSummary", parameters)
    }

    /// Parameters, resource types and capabilities of a deployed stack's template (GetTemplateSummary).
    package func getTemplateSummary(stackName: String) async throws -> TemplateSummary {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        return try await call("GetTemplateSummary", parameters)
    }
}
