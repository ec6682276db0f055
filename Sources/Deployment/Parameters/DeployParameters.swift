import AWSServices
import Configuration
import Templates

/// Stack parameters from the environment's configuration and `--parameter` overrides, with the
/// template's `NoEcho` parameters masked wherever they are shown or recorded.
package struct DeployParameters: Sendable, Equatable {
    /// The parameters in order (configuration first, overrides replace in place or append).
    package private(set) var values: [KeyValue]
    /// The names of `NoEcho` parameters.
    package var noEcho: Set<String>
    /// Parameters sent as `UsePreviousValue=true` (a rollback reuses masked NoEcho values this way).
    package var keepPrevious: Set<String> = []

    /// The mask printed instead of a `NoEcho` value.
    package static let mask = "****"

    /// Merges `configured` with `overrides` (later wins, order kept).
    package init(configured: [KeyValue], overrides: [KeyValue] = [], noEcho: Set<String> = []) {
        var values = configured
        for override in overrides {
            if let index = values.firstIndex(where: { $0.key == override.key }) {
                values[index].value = override.value
            } else {
                values.append(override)
            }
        }
        self.values = values
        self.noEcho = noEcho
    }

    /// Parses `--parameter KEY=VALUE` (the value may contain `=`).
    package static func parseOverride(_ text: String) throws -> KeyValue {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw DeploymentError.badParameter(text)
        }
        return KeyValue(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
    }

    /// The `NoEcho: true` parameters a template declares.
    package static func noEchoNames(in template: Template) -> Set<String> {
        var names: Set<String> = []
        for (name, value) in template.parameters ?? TemplateMap() {
            let flag = value["NoEcho"]
            if flag?.boolValue == true || flag?.scalarText?.lowercased() == "true" { names.insert(name) }
        }
        return names
    }

    /// Only the parameters the template declares (CloudFormation rejects others); all when the
    /// declared names are unknown.
    package func restricted(to declared: Set<String>?) -> DeployParameters {
        guard let declared else { return self }
        var copy = self
        copy.values = values.filter { declared.contains($0.key) }
        return copy
    }

    /// The parameters for CreateChangeSet.
    package var forCloudFormation: [Parameter] {
        values.map { keepPrevious.contains($0.key) ? Parameter(keepingPreviousValueOf: $0.key) : Parameter(key: $0.key, value: $0.value) }
    }

    /// The parameters with `NoEcho` values masked: what may be printed or recorded.
    package var masked: [KeyValue] {
        values.map { noEcho.contains($0.key) ? KeyValue(key: $0.key, value: Self.mask) : $0 }
    }
}
