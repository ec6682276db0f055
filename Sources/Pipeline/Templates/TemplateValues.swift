import Configuration
import Foundation
import Templates

/// The values Ferry evaluates an environment's templates with (conditions, `!If`, `!Sub` in
/// `CodeUri`, nested stack parameters, ...): its parameters, then the command line's overrides;
/// every other parameter takes its `Default` (a hot-swap reads the deployed stack's value of a
/// parameter that has none here).
package struct TemplateValues: Sendable, Hashable {
    /// Root stack parameter values by name.
    package var parameters: [String: String]
    /// `AWS::Region`, `AWS::StackName` (and, when known, `AWS::AccountId`) by name without `AWS::`.
    package var pseudoParameters: [String: String]

    /// Values.
    package init(parameters: [String: String] = [:], pseudoParameters: [String: String] = [:]) {
        self.parameters = parameters
        self.pseudoParameters = pseudoParameters
    }

    /// The values of `environment`: its parameters, `overrides` (`K=V`, later wins), its stack name
    /// and region (`region` when the environment names none).
    package init(environment: EnvironmentConfiguration, overrides: [KeyValue] = [], region: String? = nil) {
        var values: [String: String] = [:]
        for parameter in environment.parameters + overrides { values[parameter.key] = parameter.value }
        var pseudo = ["StackName": environment.stackName]
        if let region = environment.region ?? region { pseudo["Region"] = region }
        self.init(parameters: values, pseudoParameters: pseudo)
    }

    /// Loads the template tree of `templateFile` with these values.
    package func loadTree(_ templateFile: URL) throws -> TemplateTree {
        try TemplateTree.load(rootTemplate: templateFile, parameters: parameters, pseudoParameters: pseudoParameters)
    }
}
