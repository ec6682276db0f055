import Configuration
import Deployment
import Foundation
import Reporting
import Templates

/// The `NoEcho` parameters of a template tree (root and nested) and the values they get, so
/// that nothing Ferry prints shows them (see `SecretValues`).
package enum NoEchoValues {
    /// The NoEcho parameter names of every stack of `tree`, and their values: the root's from
    /// `parameters` (configuration and overrides) or the `Default`; a nested stack's from its
    /// parent's `Parameters` (a literal, or a `Ref` to a parent parameter whose value is known)
    /// or its own `Default`.
    package static func collect(tree: TemplateTree, parameters: [KeyValue]) -> (names: Set<String>, values: Set<String>) {
        var names = Set<String>()
        var values = Set<String>()
        let known = Dictionary(parameters.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        visit(tree.root, known: known, names: &names, values: &values)
        return (names, values)
    }

    private static func visit(_ node: StackNode, known: [String: String], names: inout Set<String>, values: inout Set<String>) {
        let noEcho = DeployParameters.noEchoNames(in: node.template)
        var resolved = known
        for (name, declaration) in node.template.parameters ?? TemplateMap() where resolved[name] == nil {
            if let fallback = declaration["Default"]?.scalarText { resolved[name] = fallback }
        }
        names.formUnion(noEcho)
        for name in noEcho { if let value = resolved[name] { values.insert(value) } }
        for child in node.children {
            guard let id = child.logicalID, let resource = node.template.resources[id] else { continue }
            var passed: [String: String] = [:]
            for (name, value) in resource.properties["Parameters"]?.mapValue ?? TemplateMap() {
                if let text = value.scalarText {
                    passed[name] = text
                } else if case .ref(let target)? = value.intrinsic, let text = resolved[target] {
                    passed[name] = text
                }
            }
            visit(child, known: passed, names: &names, values: &values)
        }
    }

    /// Registers the NoEcho names and values of the tree at `templateFile` with `secrets`
    /// (a template that does not load registers nothing: its error comes from the phase itself).
    package static func register(templateFile: URL, parameters: [KeyValue], in secrets: SecretValues = .shared) {
        guard let tree = try? TemplateTree.load(rootTemplate: templateFile) else { return }
        let found = collect(tree: tree, parameters: parameters)
        secrets.addNames(found.names)
        secrets.add(found.values)
    }

    /// Registers the environment's template with its parameters and `--parameter` overrides.
    package static func register(_ environment: EnvironmentConfiguration, overrides: [String], templateFile: URL? = nil,
                                in secrets: SecretValues = .shared) {
        let parsed = overrides.compactMap { try? DeployParameters.parseOverride($0) }
        let parameters = DeployParameters(configured: environment.parameters, overrides: parsed).values
        register(templateFile: environment.templateFile, parameters: parameters, in: secrets)
        if let templateFile, templateFile.standardizedFileURL != environment.templateFile.standardizedFileURL {
            register(templateFile: templateFile, parameters: parameters, in: secrets)
        }
        // Override values are registered whatever the template says when their name is NoEcho anywhere.
        let names = secrets.names
        secrets.add(parsed.filter { names.contains($0.key) }.map(\.value))
    }
}
