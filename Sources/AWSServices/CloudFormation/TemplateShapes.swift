import AWSCore
import Foundation

/// Which form of a deployed template GetTemplate returns.
public enum TemplateStage: String, Sendable {
    /// The template as submitted (with `Transform`s unexpanded).
    case original = "Original"
    /// The template after transforms such as SAM have been expanded.
    case processed = "Processed"
}

/// The answer of GetTemplate.
public struct GetTemplateOutput: Decodable, Sendable, Equatable {
    /// The template text (JSON or YAML).
    public var templateBody: String?
    /// The stages that can be asked for.
    public var stagesAvailable: QueryList<String>

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.templateBody == rhs.templateBody && lhs.stagesAvailable.member == rhs.stagesAvailable.member
    }
}

/// The answer of ValidateTemplate.
public struct ValidateTemplateOutput: Decodable, Sendable {
    public var parameters: QueryList<TemplateParameter>
    public var description: String?
    /// The capabilities the template needs (`CAPABILITY_IAM`, ...).
    public var capabilities: QueryList<String>
    public var capabilitiesReason: String?
    /// The transforms the template declares (`AWS::Serverless-2016-10-31`).
    public var declaredTransforms: QueryList<String>
}

/// A parameter a template declares, as ValidateTemplate describes it.
public struct TemplateParameter: Decodable, Sendable, Equatable {
    public var parameterKey: String?
    public var defaultValue: String?
    public var noEcho: Bool?
    public var description: String?
}

/// The answer of GetTemplateSummary.
public struct TemplateSummary: Decodable, Sendable {
    public var parameters: QueryList<ParameterDeclaration>
    public var description: String?
    public var capabilities: QueryList<String>
    public var capabilitiesReason: String?
    public var resourceTypes: QueryList<String>
    public var version: String?
    public var metadata: String?
    public var declaredTransforms: QueryList<String>
}

/// A parameter a template declares, as GetTemplateSummary describes it.
public struct ParameterDeclaration: Decodable, Sendable, Equatable {
    public var parameterKey: String?
    public var defaultValue: String?
    public var parameterType: String?
    public var noEcho: Bool?
    public var description: String?
}
