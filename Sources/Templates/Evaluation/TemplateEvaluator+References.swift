/// A resource value a template value refers to: `Ref Name` or `Fn::GetAtt Name.Attribute`.
package struct ResourceReference: Sendable, Hashable, CustomStringConvertible {
    /// The resource's logical ID.
    package let logicalID: String
    /// The attribute, for `Fn::GetAtt`; nil for `Ref`.
    package let attribute: String?

    /// A reference.
    package init(logicalID: String, attribute: String? = nil) {
        self.logicalID = logicalID
        self.attribute = attribute
    }

    /// The key in ``TemplateEvaluator/resourceValues``: `Name` or `Name.Attribute`.
    package var key: String { attribute.map { "\(logicalID).\($0)" } ?? logicalID }

    /// `Ref Name` or `Fn::GetAtt Name.Attribute`.
    package var description: String { attribute.map { "Fn::GetAtt \(logicalID).\($0)" } ?? "Ref \(logicalID)" }
}

extension TemplateEvaluator {
    /// The resource values `value` needs to be evaluated, in order of appearance: `Ref` of names
    /// that are not parameters, `Fn::GetAtt`, and `${Name}`/`${Name.Attribute}` of `Fn::Sub`.
    /// `Fn::If` contributes only the branch its condition chooses (both when it is unknown).
    package func resourceReferences(in value: TemplateValue) -> [ResourceReference] {
        var found: [ResourceReference] = []
        collect(value, into: &found, depth: 0)
        var seen = Set<ResourceReference>()
        return found.filter { seen.insert($0).inserted }
    }

    private func collect(_ value: TemplateValue, into found: inout [ResourceReference], depth: Int) {
        guard depth < Self.maxDepth else { return }
        switch value {
        case .list(let items):
            for item in items { collect(item, into: &found, depth: depth + 1) }
        case .map(let map):
            guard let intrinsic = value.intrinsic, !intrinsic.isPlainConditionKey else {
                for (_, item) in map { collect(item, into: &found, depth: depth + 1) }
                return
            }
            switch intrinsic {
            case .ref(let name):
                if !isParameterOrPseudo(name) { found.append(ResourceReference(logicalID: name)) }
            case .getAtt(let resource, let attribute):
                if let name = attribute.stringValue {
                    found.append(ResourceReference(logicalID: resource, attribute: name))
                } else {
                    collect(attribute, into: &found, depth: depth + 1)
                }
            case .sub(let text, let variables):
                for (_, item) in variables ?? TemplateMap() { collect(item, into: &found, depth: depth + 1) }
                for case .placeholder(let name) in SubstitutionText.parts(of: text) where variables?[name] == nil {
                    if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::"), parameters[name] == nil {
                        found.append(ResourceReference(logicalID: String(name[..<dot]),
                                                       attribute: String(name[name.index(after: dot)...])))
                    } else if !isParameterOrPseudo(name) {
                        found.append(ResourceReference(logicalID: name))
                    }
                }
            case .if(let name, let then, let otherwise):
                switch try? condition(name) {
                case true?: collect(then, into: &found, depth: depth + 1)
                case false?: collect(otherwise, into: &found, depth: depth + 1)
                case nil:
                    collect(then, into: &found, depth: depth + 1)
                    collect(otherwise, into: &found, depth: depth + 1)
                }
            default:
                for (_, item) in map { collect(item, into: &found, depth: depth + 1) }
            }
        default:
            return
        }
    }

    private func isParameterOrPseudo(_ name: String) -> Bool {
        name.hasPrefix("AWS::") || parameters[name] != nil || unknownParameters[name] != nil
    }
}
