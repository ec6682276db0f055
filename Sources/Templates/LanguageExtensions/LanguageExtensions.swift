/// The `AWS::LanguageExtensions` transform, applied in memory: `Fn::ForEach` loops (in
/// `Resources`, `Outputs`, `Conditions` and inside properties, nested, with `${Id}` and `&{Id}` in
/// keys and values), `Fn::Length`, `Fn::ToJsonString`, `Fn::FindInMap` with `DefaultValue` and
/// intrinsic `DeletionPolicy`/`UpdateReplacePolicy`.
///
/// Ferry builds, plans, hot-swaps and verifies the expansion; packaging keeps the author's loops
/// (CloudFormation expands them at deploy time) — see ``LoopArtifactMappings``. What cannot be
/// decided locally (a collection from `Fn::GetAZs`, a parameter with neither value nor default)
/// is an error naming the loop, its file and line.
package enum LanguageExtensions {
    /// The transform's name.
    package static let transformName = "AWS::LanguageExtensions"
    /// The prefix of a loop's key.
    package static let loopPrefix = "Fn::ForEach::"

    /// Whether `root` (a whole template) declares the transform or contains a loop.
    package static func applies(to root: TemplateMap) -> Bool {
        switch root["Transform"] {
        case .string(let name) where name == transformName: return true
        case .list(let items) where items.contains(.string(transformName)): return true
        default: break
        }
        return ["Resources", "Outputs", "Conditions"].contains { section in
            root[section]?.mapValue?.keys.contains { $0.hasPrefix(loopPrefix) } ?? false
        }
    }

    /// The expansion of `root` and the origin of every resource a loop generated.
    ///
    /// - Parameters:
    ///   - root: the whole template as written.
    ///   - file: the template file, for errors.
    ///   - parameterValues: values of template parameters (else their `Default`s are used).
    /// - Throws: ``TemplateError`` (`invalidStructure`) for a malformed loop, a collection that
    ///   cannot be resolved locally, or a logical ID generated twice.
    package static func expand(_ root: TemplateMap, file: String?, parameterValues: [String: String] = [:]) throws
        -> (template: TemplateMap, origins: [LogicalID: LoopOrigin])
    {
        let scope = LoopScope(file: file, parameters: root["Parameters"]?.mapValue ?? TemplateMap(),
                              parameterValues: parameterValues, mappings: root["Mappings"]?.mapValue ?? TemplateMap())
        var expanded = TemplateMap()
        expanded.line = root.line
        var origins: [LogicalID: LoopOrigin] = [:]
        for (key, value) in root {
            let line = root.line(of: key)
            switch key {
            case "Resources", "Outputs", "Conditions":
                guard let section = value.mapValue else {
                    expanded.set(key, value, line: line)
                    continue
                }
                var entries = TemplateMap()
                entries.line = section.line
                try LoopExpander(scope: scope, section: key).expandSection(
                    section, bindings: [], levels: [], into: &entries, origins: &origins)
                if key == "Resources" { entries = try scope.resolvingPolicies(entries) }
                expanded.set(key, .map(entries), line: line)
            case "Mappings":
                expanded.set(key, .map(ArtifactMappingNames.withoutArtifactMappings(value.mapValue ?? TemplateMap())), line: line)
            default:
                expanded.set(key, value, line: line)
            }
        }
        return (expanded, origins)
    }
}

/// What loops may read: the template's parameters, their values and its mappings.
struct LoopScope {
    let file: String?
    let parameters: TemplateMap
    let parameterValues: [String: String]
    let mappings: TemplateMap

    /// The value of parameter `name` (given, else its default), or nil.
    func parameterValue(_ name: String) -> String? {
        if let given = parameterValues[name] { return given }
        guard let declaration = parameters[name]?.mapValue else { return nil }
        if let text = declaration["Default"]?.scalarText { return text }
        if let list = declaration["Default"]?.listValue {
            return list.compactMap(\.scalarText).joined(separator: ",")
        }
        return nil
    }

    /// Whether parameter `name` is a list (`CommaDelimitedList`, `List<...>`).
    func isListParameter(_ name: String) -> Bool {
        let type = parameters[name]?["Type"]?.stringValue ?? ""
        return type == "CommaDelimitedList" || type.hasPrefix("List<") || type.hasPrefix("AWS::SSM::Parameter::Value<List<")
    }

    /// `DeletionPolicy` and `UpdateReplacePolicy` written as `Ref` to a parameter or
    /// `Fn::FindInMap`, resolved to their text (other intrinsics stay as written).
    func resolvingPolicies(_ resources: TemplateMap) throws -> TemplateMap {
        var result = resources
        for (id, body) in resources {
            guard var map = body.mapValue else { continue }
            var changed = false
            for policy in ["DeletionPolicy", "UpdateReplacePolicy"] {
                guard let value = map[policy], value.isIntrinsic,
                      let text = ExtensionFunctions(scope: self).scalar(value) else { continue }
                map.set(policy, .string(text), line: map.line(of: policy))
                changed = true
            }
            if changed { result.set(id, .map(map), line: resources.line(of: id)) }
        }
        return result
    }
}

extension LanguageExtensions {
    /// The expanded template of `root`, with the authored form kept in
    /// ``Template/languageExtensions``.
    static func template(from root: TemplateMap, file: String?, parameterValues: [String: String] = [:]) throws -> Template {
        let (expanded, origins) = try expand(root, file: file, parameterValues: parameterValues)
        var template = try TemplateLoader.plainTemplate(from: .map(expanded), file: file)
        template.languageExtensions = LanguageExtensionsSource(authored: .map(root), origins: origins)
        return template
    }
}
