import Foundation

extension TemplateEvaluator {
    /// One intrinsic function's result; nil for `AWS::NoValue`.
    func evaluate(_ intrinsic: Intrinsic, depth: Int) throws(Unevaluable) -> TemplateValue? {
        switch intrinsic {
        case .ref(let name):
            return try ref(name)
        case .getAtt(let resource, let attribute):
            let name = try string(of: attribute, depth: depth, in: "Fn::GetAtt")
            return .string(try getAtt(resource, name))
        case .sub(let text, let variables):
            return .string(try sub(text, variables: variables, depth: depth))
        case .if(let name, let then, let otherwise):
            return try evaluate(condition(name, depth: depth) ? then : otherwise, depth: depth + 1)
        case .join(let delimiter, let values):
            let items = try list(of: values, depth: depth, in: "Fn::Join")
            var parts: [String] = []
            for item in items {
                guard let text = item.scalarText else { throw Unevaluable(.malformed("Fn::Join")) }
                parts.append(text)
            }
            return .string(parts.joined(separator: delimiter))
        case .select(let index, let values):
            let position = try string(of: index, depth: depth, in: "Fn::Select")
            let items = try list(of: values, depth: depth, in: "Fn::Select")
            guard let offset = Int(position), items.indices.contains(offset) else { throw Unevaluable(.malformed("Fn::Select")) }
            return items[offset]
        case .split(let delimiter, let source):
            let text = try string(of: source, depth: depth, in: "Fn::Split")
            guard !delimiter.isEmpty else { throw Unevaluable(.malformed("Fn::Split")) }
            return .list(text.components(separatedBy: delimiter).map(TemplateValue.string))
        case .findInMap(let arguments):
            return try findInMap(arguments, depth: depth)
        case .base64(let argument):
            let text = try string(of: argument, depth: depth, in: "Fn::Base64")
            return .string(Data(text.utf8).base64EncodedString())
        case .equals, .and, .or, .not, .condition:
            return .bool(try truth(.map(TemplateMap(intrinsicPairs(intrinsic))), depth: depth))
        case .importValue:
            throw Unevaluable(.importValue)
        case .getAZs:
            throw Unevaluable(.unsupported("Fn::GetAZs"))
        case .cidr:
            throw Unevaluable(.unsupported("Fn::Cidr"))
        case .transform(let name, _):
            throw Unevaluable(.unsupported("Fn::Transform \(name)"))
        case .other(let name, _):
            throw Unevaluable(name.hasPrefix("Fn::") && Intrinsic.knownNames.contains(name)
                ? .malformed(name) : .unsupported(name))
        }
    }

    /// `Ref name`: a parameter, a pseudo parameter or a known resource value.
    func ref(_ name: String) throws(Unevaluable) -> TemplateValue? {
        if name == "AWS::NoValue" { return nil }
        if let value = parameters[name] { return value }
        if let reason = unknownParameters[name] { throw reason }
        if name.hasPrefix("AWS::") {
            guard let value = pseudoParameters[name] else { throw Unevaluable(.pseudoParameter(name)) }
            if name == "AWS::NotificationARNs" { return .list(value.isEmpty ? [] : value.split(separator: ",").map { .string(String($0)) }) }
            return .string(value)
        }
        guard let value = resourceValues[name] else { throw Unevaluable(.resourceValue(logicalID: name, attribute: nil)) }
        return .string(value)
    }

    /// `Fn::GetAtt resource.attribute` from the known resource values.
    func getAtt(_ resource: String, _ attribute: String) throws(Unevaluable) -> String {
        guard let value = resourceValues["\(resource).\(attribute)"] else {
            throw Unevaluable(.resourceValue(logicalID: resource, attribute: attribute))
        }
        return value
    }

    /// `Fn::Sub`: `${Name}`, `${Resource.Attribute}`, `${!Literal}`, with `variables` first.
    func sub(_ text: String, variables: TemplateMap?, depth: Int) throws(Unevaluable) -> String {
        var output = ""
        for part in SubstitutionText.parts(of: text) {
            switch part {
            case .literal(let literal):
                output += literal
            case .placeholder(let name):
                if let variable = variables?[name] {
                    output += try string(of: variable, depth: depth, in: "Fn::Sub")
                } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::"), parameters[name] == nil {
                    output += try getAtt(String(name[..<dot]), String(name[name.index(after: dot)...]))
                } else {
                    guard let value = try ref(name), let scalar = value.scalarText ?? Self.joinedList(value) else {
                        throw Unevaluable(.malformed("Fn::Sub ${\(name)}"))
                    }
                    output += scalar
                }
            }
        }
        if output.contains("{{resolve:") { _ = try evaluate(.string(output), depth: depth + 1) }
        return output
    }

    /// `Fn::FindInMap [Map, TopKey, SecondKey, {DefaultValue: ...}]`.
    func findInMap(_ arguments: [TemplateValue], depth: Int) throws(Unevaluable) -> TemplateValue? {
        guard arguments.count == 3 || arguments.count == 4 else { throw Unevaluable(.malformed("Fn::FindInMap")) }
        let mapName = try string(of: arguments[0], depth: depth, in: "Fn::FindInMap")
        let top = try string(of: arguments[1], depth: depth, in: "Fn::FindInMap")
        let second = try string(of: arguments[2], depth: depth, in: "Fn::FindInMap")
        if let found = mappings[mapName]?[top]?[second] { return try evaluate(found, depth: depth + 1) }
        if arguments.count == 4, let fallback = arguments[3]["DefaultValue"] { return try evaluate(fallback, depth: depth + 1) }
        throw Unevaluable(.malformed("Fn::FindInMap [\(mapName), \(top), \(second)] (no such entry)"))
    }

    private func string(of value: TemplateValue, depth: Int, in function: String) throws(Unevaluable) -> String {
        guard let text = try evaluate(value, depth: depth + 1)?.scalarText else { throw Unevaluable(.malformed(function)) }
        return text
    }

    private func list(of value: TemplateValue, depth: Int, in function: String) throws(Unevaluable) -> [TemplateValue] {
        guard let items = try evaluate(value, depth: depth + 1)?.listValue else { throw Unevaluable(.malformed(function)) }
        return items
    }

    private static func joinedList(_ value: TemplateValue) -> String? {
        value.listValue.map { items in items.compactMap(\.scalarText).joined(separator: ",") }
    }

    private func intrinsicPairs(_ intrinsic: Intrinsic) -> [(String, TemplateValue)] {
        switch intrinsic {
        case .equals(let left, let right): return [("Fn::Equals", .list([left, right]))]
        case .and(let items): return [("Fn::And", .list(items))]
        case .or(let items): return [("Fn::Or", .list(items))]
        case .not(let item): return [("Fn::Not", .list([item]))]
        case .condition(let name): return [("Condition", .string(name))]
        default: return []
        }
    }
}

extension Intrinsic {
    /// A single-key `Condition` mapping that is not the intrinsic (`{Condition: {StringEquals: ...}}` in a policy).
    var isPlainConditionKey: Bool {
        if case .other(name: "Condition", _) = self { return true }
        return false
    }

    /// The intrinsic names CloudFormation documents (a malformed one of these is a mistake, not an unknown function).
    static let knownNames: Set<String> = [
        "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::FindInMap", "Fn::Base64", "Fn::Cidr",
        "Fn::ImportValue", "Fn::GetAZs", "Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Transform",
    ]
}

/// The parts of an `Fn::Sub` string: literal text and `${Name}` placeholders (`${!Literal}` is literal `${Literal}`).
package enum SubstitutionText {
    /// One part.
    package enum Part: Sendable, Hashable {
        /// Text as is.
        case literal(String)
        /// A `${Name}` placeholder's name.
        case placeholder(String)
    }

    /// The parts of `text`, in order.
    package static func parts(of text: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            if start.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<start.lowerBound]))) }
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                parts.append(.literal(String(rest[start.lowerBound...])))
                return parts
            }
            let name = String(rest[start.upperBound..<end])
            rest = rest[rest.index(after: end)...]
            if name.hasPrefix("!") {
                parts.append(.literal("${\(name.dropFirst())}"))
            } else {
                parts.append(.placeholder(name.trimmingCharacters(in: .whitespaces)))
            }
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        return parts
    }
}
