import Foundation
import Templates

/// A function's settings as its local template writes them (SAM globals applied, not yet
/// evaluated): what configuration hot-swaps change and whole-function verification compares.
package struct FunctionSettings: Sendable, Hashable {
    /// `Environment.Variables` (nil when the template sets none).
    package var variables: TemplateValue?
    /// `Description`.
    package var description: TemplateValue?
    /// `Handler`.
    package var handler: TemplateValue?
    /// `Runtime`.
    package var runtime: TemplateValue?
    /// `MemorySize` (128 when not set).
    package var memorySize: TemplateValue?
    /// `Timeout` (3 when not set).
    package var timeout: TemplateValue?
    /// `Architectures` (`[x86_64]` when not set).
    package var architectures: TemplateValue?
    /// Variables whose value comes from a `NoEcho` parameter: their values are never shown.
    package var secretVariables: Set<String>
    /// `Layers`, as written (its `Ref`s are compared through the layers' own targets).
    package var layers: TemplateValue?

    /// Settings.
    package init(variables: TemplateValue? = nil, description: TemplateValue? = nil, handler: TemplateValue? = nil,
                runtime: TemplateValue? = nil, memorySize: TemplateValue? = nil, timeout: TemplateValue? = nil,
                architectures: TemplateValue? = nil, secretVariables: Set<String> = [], layers: TemplateValue? = nil) {
        self.variables = variables
        self.description = description
        self.handler = handler
        self.runtime = runtime
        self.memorySize = memorySize
        self.timeout = timeout
        self.architectures = architectures
        self.secretVariables = secretVariables
        self.layers = layers
    }

    /// The settings of `properties` (a function's effective properties); `noEcho` names the
    /// stack's `NoEcho` parameters.
    package static func from(_ properties: TemplateMap, noEcho: Set<String>) -> FunctionSettings {
        let variables = properties["Environment"]?["Variables"]
        var secret = Set<String>()
        for (name, value) in variables?.mapValue ?? TemplateMap() where !noEcho.isDisjoint(with: parameterNames(in: value)) {
            secret.insert(name)
        }
        return FunctionSettings(
            variables: variables, description: properties["Description"], handler: properties["Handler"],
            runtime: properties["Runtime"], memorySize: properties["MemorySize"], timeout: properties["Timeout"],
            architectures: properties["Architectures"], secretVariables: secret, layers: properties["Layers"])
    }

    /// The names `value` may refer to as parameters: every `Ref` target and `${Name}` of a `Fn::Sub`.
    static func parameterNames(in value: TemplateValue) -> Set<String> {
        var names = Set<String>()
        if let map = value.mapValue {
            for (key, inner) in map {
                if key == "Ref", let name = inner.stringValue { names.insert(name) }
                if key == "Fn::Sub" {
                    let text = inner.stringValue ?? inner.listValue?.first?.stringValue ?? ""
                    names.formUnion(placeholders(in: text))
                }
                names.formUnion(parameterNames(in: inner))
            }
        } else if let list = value.listValue {
            for item in list { names.formUnion(parameterNames(in: item)) }
        }
        return names
    }

    static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "}") else { break }
            names.insert(String(rest[..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return names
    }
}

/// What a configuration hot-swap changes on one function.
package struct ConfigurationSwap: Sendable, Hashable {
    /// The function's name.
    package var functionName: String
    /// The whole new `Environment.Variables` map, or nil when the variables do not change.
    package var variables: [String: String]?
    /// The new `Description`, or nil when it does not change.
    package var description: String?
    /// The variables added, changed or removed, sorted.
    package var changedVariables: [String]

    /// A configuration swap.
    package init(functionName: String, variables: [String: String]?, description: String?, changedVariables: [String]) {
        self.functionName = functionName
        self.variables = variables
        self.description = description
        self.changedVariables = changedVariables
    }

    /// `Environment.Variables (GREETING, TABLE); Description`.
    package var summary: String {
        var parts: [String] = []
        if variables != nil { parts.append("Environment.Variables (\(changedVariables.joined(separator: ", ")))") }
        if description != nil { parts.append("Description") }
        return parts.joined(separator: "; ")
    }

    /// A short hash of variables and description, for plans and the hot-swap record.
    package static func hash(variables: [String: String], description: String) -> String {
        let text = variables.keys.sorted().map { "\($0)=\(variables[$0] ?? "")" }.joined(separator: "\u{0}")
        return ContentHash.hex(text + "\u{1}" + description)
    }
}
