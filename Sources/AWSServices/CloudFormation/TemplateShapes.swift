import AWSCore
import Foundation

/// Which form of a deployed template GetTemplate returns.
package enum TemplateStage: String, Sendable {
    /// The template as submitted (with `Transform`s unexpanded).
    case original = "Original"
    /// The template after transforms such as SAM have been expanded.
    case processed = "Processed"
}

/// The answer of GetTemplate.
package struct GetTemplateOutput: Decodable, Sendable, Equatable {
    /// The template text (JSON or YAML).
    package var templateBody: String?
    /// The stages that can be asked for.
    package var stagesAvailable: QueryList<String>

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.templateBody == rhs.templateBody && lhs.stagesAvailable.member == rhs.stagesAvailable.member
    }
}

/// The answer of ValidateTemplate.
package struct ValidateTemplateOutput: Decodable, Sendable {
    package var parameters: QueryList<TemplateParameter>
    package var description: String?
    /// The capabilities the template needs (`CAPABILITY_IAM`, ...).
    package var capabilities: QueryList<String>
    package var capabilitiesReason: String?
    /// The transforms the template declares (`AWS::Serverless-2016-10-31`).
    package var declaredTransforms: QueryList<String>
}

/// A parameter a template declares, as ValidateTemplate describes it.
package struct TemplateParameter: Decodable, Sendable, Equatable {
    package var parameterKey: String?
    package var defaultValue: String?
    package var noEcho: Bool?
    package var description: String?
}

/// The answer of GetTemplateSummary.
package struct TemplateSummary: Decodable, Sendable {
    package var parameters: QueryList<ParameterDeclaration>
    package var description: String?
    package var capabilities: QueryList<String>
    package var capabilitiesReason: String?
    package var resourceTypes: QueryList<String>
    package var version: String?
    package var metadata: String?
    package var declaredTransforms: QueryList<String>
}

/// A parameter a template declares, as GetTemplateSummary describes it.
package struct ParameterDeclaration: Decodable, Sendable, Equatable {
    package var parameterKey: String?
    package var defaultValue: String?
    package var parameterType: String?
    package var noEcho: Bool?
    package var description: String?
}
