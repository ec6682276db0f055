import Yams

/// Turns a Yams node tree into ``TemplateValue``s, rewriting CloudFormation short-form tags to long form.
struct NodeConverter {
    /// Short forms CloudFormation accepts (`!Ref`, `!Condition` keep their names; the rest become `Fn::X`).
    static let shortForms: Set<String> = [
        "Ref", "Condition", "Sub", "GetAtt", "If", "Join", "Select", "Split", "FindInMap", "Base64",
        "Cidr", "ImportValue", "GetAZs", "Equals", "And", "Or", "Not", "Transform",
        // AWS::LanguageExtensions
        "Length", "ToJsonString", "ForEach",
    ]

    private static let yamlTagPrefix = "tag:yaml.org,2002:"
    /// YAML 1.1 core types without timestamps, so `2012-10-17` stays a string.
    static let resolver = Resolver.default.removing(.timestamp)

    let file: String?

    /// Converts `node`; `path` is the chain of mapping keys leading to it (for logical IDs in errors).
    func convert(_ node: Node, path: [String] = []) throws -> TemplateValue {
        let tag = Self.rawTag(of: node)
        if tag.hasPrefix("!"), tag != "!" {
            return try convertShortForm(node, tag: tag, path: path)
        }
        return try convertContent(node, tag: tag, path: path)
    }

    /// Converts `node` ignoring any tag on a sequence or mapping.
    private func convertContent(_ node: Node, tag: String, path: [String]) throws -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            return try convertScalar(scalar, tag: tag, path: path)
        case .sequence(let sequence):
            var items: [TemplateValue] = []
            items.reserveCapacity(sequence.count)
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, path: path + [String(index)]))
            }
            return .list(items)
        case .mapping(let mapping):
            return .map(try convertMapping(mapping, path: path))
        case .alias(let alias):
            throw TemplateError.syntax("unresolved alias \(alias)", file: file, line: node.mark?.line,
                                       logicalID: Self.logicalID(in: path))
        }
    }

    private func convertMapping(_ mapping: Node.Mapping, path: [String]) throws -> TemplateMap {
        var map = TemplateMap()
        map.line = mapping.mark?.line
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw TemplateError.invalidStructure(
                    "a mapping key must be a plain string, not a list or mapping",
                    file: file, line: keyNode.mark?.line, logicalID: Self.logicalID(in: path))
            }
            let key = keyScalar.string
            if map.contains(key) {
                throw TemplateError.duplicateKey(key, firstLine: map.line(of: key), file: file,
                                                 line: keyScalar.mark?.line,
                                                 logicalID: Self.logicalID(in: path + [key]))
            }
            let value = try convert(valueNode, path: path + [key])
            map.set(key, value, line: keyScalar.mark?.line)
        }
        if map.count == 1, let key = map.keys.first, key.hasPrefix("Fn::"), !Self.isKnownLongForm(key) {
            throw TemplateError.unknownTag(key, file: file, line: map.line(of: key) ?? map.line,
                                           logicalID: Self.logicalID(in: path))
        }
        return map
    }

    /// Functions only written in long form: the `Rules` section's and CodePipeline's `Fn::GetParam`.
    static let longFormOnly: Set<String> = [
        "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "GetParam",
    ]

    /// Whether `key` (`Fn::Sub`, `Fn::ForEach::Loop`) is an intrinsic function CloudFormation knows.
    static func isKnownLongForm(_ key: String) -> Bool {
        let name = String(key.dropFirst("Fn::".count))
        if name.hasPrefix("ForEach::") { return true }
        return name != "Ref" && name != "Condition" && (shortForms.contains(name) || longFormOnly.contains(name))
    }

    private func convertScalar(_ scalar: Node.Scalar, tag: String, path: [String]) throws -> TemplateValue {
        let text = scalar.string
        let resolved: String
        if tag.isEmpty {
            resolved = Self.resolver.resolveTag(of: .scalar(scalar)).rawValue
        } else if tag == "!" {
            resolved = Tag.Name.str.rawValue
        } else {
            resolved = tag
        }
        guard resolved.hasPrefix(Self.yamlTagPrefix) else {
            throw TemplateError.unknownTag(tag, file: file, line: scalar.mark?.line,
                                           logicalID: Self.logicalID(in: path))
        }
        switch resolved.dropFirst(Self.yamlTagPrefix.count) {
        case "null": return .null
        case "bool":
            guard let value = Self.yamlBool(text) else {
                throw TemplateError.malformedTag("!!bool", "needs true/false, not '\(text)'", file: file,
                                                 line: scalar.mark?.line, logicalID: Self.logicalID(in: path))
            }
            return .bool(value)
        case "int", "float": return .number(text)
        case "str", "binary", "timestamp", "merge", "value": return .string(text)
        default:
            throw TemplateError.unknownTag(tag, file: file, line: scalar.mark?.line,
                                           logicalID: Self.logicalID(in: path))
        }
    }

    private func convertShortForm(_ node: Node, tag: String, path: [String]) throws -> TemplateValue {
        let name = String(tag.dropFirst())
        let line = node.mark?.line
        guard Self.shortForms.contains(name) else {
            throw TemplateError.unknownTag(tag, file: file, line: line, logicalID: Self.logicalID(in: path))
        }
        let key = (name == "Ref" || name == "Condition") ? name : "Fn::" + name
        let argument: TemplateValue
        switch node {
        case .scalar(let scalar):
            if name == "GetAtt" {
                let text = scalar.string
                guard let dot = text.firstIndex(of: "."), dot != text.startIndex,
                      text.index(after: dot) != text.endIndex else {
                    throw TemplateError.malformedTag(
                        tag, "needs 'Resource.Attribute' (for example !GetAtt MyFunction.Arn), not '\(text)'",
                        file: file, line: line, logicalID: Self.logicalID(in: path))
                }
                argument = .list([.string(String(text[..<dot])), .string(String(text[text.index(after: dot)...]))])
            } else {
                argument = .string(scalar.string)
            }
        case .sequence, .mapping, .alias:
            argument = try convertContent(node, tag: "", path: path + [key])
        }
        var map = TemplateMap()
        map.line = line
        map.set(key, argument, line: line)
        return .map(map)
    }

    static func rawTag(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.tag.rawValue
        case .sequence(let sequence): return sequence.tag.rawValue
        case .mapping(let mapping): return mapping.tag.rawValue
        case .alias: return ""
        }
    }

    static func logicalID(in path: [String]) -> LogicalID? {
        guard path.count >= 2, path[0] == "Resources" else { return nil }
        return LogicalID(path[1])
    }

    static func yamlBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
