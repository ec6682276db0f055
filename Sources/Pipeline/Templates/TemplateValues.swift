import Configuration
import Foundation
import Templates

/// The values Ferry evaluates an environment's templates with (conditions, `!If`, `!Sub` in
/// `CodeUri`, nested stack parameters, ...): its parameters, then the command line's overrides;
/// every other parameter takes its deployed value when one is given, else its `Default`.
public struct TemplateValues: Sendable, Hashable {
    /// Root stack parameter values by name.
    public var parameters: [String: String]
    /// `AWS::Region`, `AWS::StackName` (and, when known, `AWS::AccountId`) by name without `AWS::`.
    public var pseudoParameters: [String: String]

    /// Values.
    public init(parameters: [String: String] = [:], pseudoParameters: [String: String] = [:]) {
        self.parameters = parameters
        self.pseudoParameters = pseudoParameters
    }

    /// The values of `environment`: its parameters, `overrides` (`K=V`, later wins), its stack name
    /// and region (`region` when the environment names none).
    public init(environment: EnvironmentConfiguration, overrides: [KeyValue] = [], region: String? = nil) {
        var values: [String: String] = [:]
        for parameter in environment.parameters + overrides { values[parameter.key] = parameter.value }
        var pseudo = ["StackName": environment.stackName]
        if let region = environment.region ?? region { pseudo["Region"] = region }
        self.init(parameters: values, pseudoParameters: pseudo)
    }

    /// These values, with `deployed` parameter values for the parameters not given here.
    public func withDeployed(_ deployed: [String: String]) -> TemplateValues {
        var copy = self
        copy.parameters.merge(deployed) { given, _ in given }
        return copy
    }

    /// Loads the template tree of `templateFile` with these values.
    public func loadTree(_ templateFile: URL) throws -> TemplateTree {
        try TemplateTree.load(rootTemplate: templateFile, parameters: parameters, pseudoParameters: pseudoParameters)
    }
}
