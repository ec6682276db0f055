import Foundation

/// Evaluates CloudFormation intrinsics locally, the way CloudFormation would for one stack:
/// parameters (given values, else defaults), pseudo parameters, `Conditions`, `Mappings`, and
/// the resource values known here (live physical IDs during a hot-swap).
///
/// `Ref`, `Fn::Sub`, `Fn::If` (with `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`),
/// `Fn::FindInMap` (with `DefaultValue`), `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::Base64` and
/// `Fn::GetAtt` of a known resource value are evaluated; anything else — an unknown parameter or
/// resource value, `Fn::ImportValue`, a `{{resolve:...}}` dynamic reference — is an ``Unevaluable``
/// naming what only CloudFormation knows. `Ref AWS::NoValue` removes the entry it is in.
package struct TemplateEvaluator: Sendable, Hashable {
    /// Parameter values (`CommaDelimitedList` and `List<...>` as lists), given or default.
    package var parameters: [String: TemplateValue]
    /// Parameters without a value here, and why.
    package var unknownParameters: [String: Unevaluable]
    /// Each declared parameter's `Type`.
    package var parameterTypes: [String: String]
    /// `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::URLSuffix`, `AWS::StackName`, ... when known.
    package var pseudoParameters: [String: String]
    /// The `Conditions` section.
    package var conditions: TemplateMap
    /// The `Mappings` section.
    package var mappings: TemplateMap
    /// Resource values known here: `Name` for `Ref Name`, `Name.Attribute` for `Fn::GetAtt`.
    package var resourceValues: [String: String]

    /// An evaluator of `template`'s values with `parameterValues` (else each parameter's `Default`).
    /// - Parameters:
    ///   - parameterValues: values by parameter name (overrides, configuration, deployed values);
    ///     names the template does not declare are ignored.
    ///   - unknown: parameters whose value exists but cannot be known here, and why.
    ///   - pseudoParameters: the pseudo parameters known (without the `AWS::` prefix or with it).
    package init(template: Template, parameterValues: [String: String] = [:], unknown: [String: Unevaluable] = [:],
                pseudoParameters: [String: String] = [:]) {
        var values: [String: TemplateValue] = [:]
        var missing: [String: Unevaluable] = [:]
        var types: [String: String] = [:]
        for (name, declaration) in template.parameters ?? TemplateMap() {
            let type = declaration["Type"]?.stringValue ?? "String"
            types[name] = type
            let text = parameterValues[name] ?? declaration["Default"].flatMap(Self.parameterText)
            if let reason = unknown[name], parameterValues[name] == nil {
                missing[name] = reason
            } else if let text {
                values[name] = Self.typed(text, type: type)
            } else {
                missing[name] = Unevaluable(.parameterWithoutValue(name))
            }
        }
        parameters = values
        unknownParameters = missing
        parameterTypes = types
        var pseudo: [String: String] = [:]
        for (key, value) in pseudoParameters { pseudo[key.hasPrefix("AWS::") ? key : "AWS::\(key)"] = value }
        if pseudo["AWS::Partition"] == nil, let region = pseudo["AWS::Region"] {
            pseudo["AWS::Partition"] = Self.partition(of: region)
        }
        if pseudo["AWS::URLSuffix"] == nil, let partition = pseudo["AWS::Partition"] {
            pseudo["AWS::URLSuffix"] = partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
        }
        self.pseudoParameters = pseudo
        conditions = template.conditions ?? TemplateMap()
        mappings = template.mappings ?? TemplateMap()
        resourceValues = [:]
    }

    /// `value` with every intrinsic evaluated; nil when it is `Ref AWS::NoValue` (or an `Fn::If` choosing it).
    package func value(_ value: TemplateValue) throws(Unevaluable) -> TemplateValue? {
        try evaluate(value, depth: 0)
    }

    /// `value` evaluated to a string (numbers and booleans as written).
    package func string(_ value: TemplateValue) throws(Unevaluable) -> String {
        guard let result = try evaluate(value, depth: 0) else { throw Unevaluable(.malformed("AWS::NoValue where a value is needed")) }
        guard let text = result.scalarText else { throw Unevaluable(.malformed("a list or mapping where a string is needed")) }
        return text
    }

    /// `value` evaluated when it can be, else nil (and `AWS::NoValue` is nil too).
    package func valueIfKnown(_ value: TemplateValue?) -> TemplateValue? {
        guard let value else { return nil }
        return try? self.value(value)
    }

    /// The condition `name` of `Conditions`.
    package func condition(_ name: String) throws(Unevaluable) -> Bool {
        try condition(name, depth: 0)
    }

    /// Whether `resource` is created: true without a `Condition`; throws when its condition is unknown.
    package func includes(_ resource: Resource) throws(Unevaluable) -> Bool {
        guard let name = resource.condition else { return true }
        return try condition(name)
    }

    /// Whether `resource`'s condition is known to be false (an unknown condition counts as true).
    package func excludes(_ resource: Resource) -> Bool {
        (try? includes(resource)) == false
    }

    /// A copy that also knows `values` of resources (`Name` → `Ref`, `Name.Attribute` → `Fn::GetAtt`).
    package func knowing(resourceValues values: [String: String]) -> TemplateEvaluator {
        var copy = self
        copy.resourceValues.merge(values) { _, new in new }
        return copy
    }

    /// A copy where the parameters without a value here take theirs from `deployed` (the
    /// deployed stack's parameters); the others keep theirs.
    package func knowing(deployedParameters deployed: [String: String]) -> TemplateEvaluator {
        var copy = self
        for (name, _) in unknownParameters {
            guard let text = deployed[name] else { continue }
            copy.parameters[name] = Self.typed(text, type: parameterTypes[name] ?? "String")
            copy.unknownParameters[name] = nil
        }
        return copy
    }

    /// A copy that also knows `pseudo` parameters (`Region` or `AWS::Region` → value).
    package func knowing(pseudoParameters pseudo: [String: String]) -> TemplateEvaluator {
        var copy = self
        for (key, value) in pseudo { copy.pseudoParameters[key.hasPrefix("AWS::") ? key : "AWS::\(key)"] = value }
        return copy
    }

    static let maxDepth = 64

    func evaluate(_ value: TemplateValue, depth: Int) throws(Unevaluable) -> TemplateValue? {
        guard depth < Self.maxDepth else { throw Unevaluable(.malformed("an intrinsic nested too deeply")) }
        switch value {
        case .string(let text):
            if let start = text.range(of: "{{resolve:") {
                let end = text[start.lowerBound...].range(of: "}}")?.upperBound ?? text.endIndex
                throw Unevaluable(.dynamicReference(String(text[start.lowerBound..<end])))
            }
            return value
        case .number, .bool, .null:
            return value
        case .list(let items):
            var result: [TemplateValue] = []
            for item in items {
                if let evaluated = try evaluate(item, depth: depth + 1) { result.append(evaluated) }
            }
            return .list(result)
        case .map(let map):
            if let intrinsic = value.intrinsic, !intrinsic.isPlainConditionKey {
                return try evaluate(intrinsic, depth: depth + 1)
            }
            var result = TemplateMap()
            result.line = map.line
            for (key, item) in map {
                if let evaluated = try evaluate(item, depth: depth + 1) { result.set(key, evaluated, line: map.line(of: key)) }
            }
            return .map(result)
        }
    }

    func condition(_ name: String, depth: Int) throws(Unevaluable) -> Bool {
        guard depth < Self.maxDepth, let definition = conditions[name] else { throw Unevaluable(.unknownCondition(name)) }
        return try truth(definition, depth: depth + 1)
    }

    /// A condition expression's truth: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`.
    func truth(_ value: TemplateValue, depth: Int) throws(Unevaluable) -> Bool {
        guard depth < Self.maxDepth else { throw Unevaluable(.malformed("a condition nested too deeply")) }
        switch value.intrinsic {
        case .condition(let name)?:
            return try condition(name, depth: depth + 1)
        case .equals(let left, let right)?:
            return try Self.canonical(evaluate(left, depth: depth + 1)) == Self.canonical(evaluate(right, depth: depth + 1))
        case .and(let items)?:
            for item in items {
                if try !truth(item, depth: depth + 1) { return false }
            }
            return true
        case .or(let items)?:
            for item in items {
                if try truth(item, depth: depth + 1) { return true }
            }
            return false
        case .not(let item)?:
            return try !truth(item, depth: depth + 1)
        default:
            if let name = value.stringValue, conditions[name] != nil { return try condition(name, depth: depth + 1) }
            guard let flag = try evaluate(value, depth: depth + 1)?.boolValue else {
                throw Unevaluable(.malformed("a condition that is not true or false"))
            }
            return flag
        }
    }

    /// A value compared the way `Fn::Equals` compares: scalars as their text.
    static func canonical(_ value: TemplateValue?) -> TemplateValue {
        guard let value else { return .null }
        if let text = value.scalarText { return .string(text) }
        switch value {
        case .list(let items): return .list(items.map { canonical($0) })
        case .map(let map): return .map(TemplateMap(map.map { ($0.key, canonical($0.value)) }))
        default: return value
        }
    }

    static func parameterText(_ value: TemplateValue) -> String? {
        if let text = value.scalarText { return text }
        if let items = value.listValue { return items.compactMap(\.scalarText).joined(separator: ",") }
        return nil
    }

    /// A parameter's text as CloudFormation types it: lists split at commas (members space-trimmed).
    static func typed(_ text: String, type: String) -> TemplateValue {
        guard type == "CommaDelimitedList" || type.hasPrefix("List<") else { return .string(text) }
        if text.isEmpty { return .list([]) }
        return .list(text.split(separator: ",", omittingEmptySubsequences: false)
            .map { .string($0.trimmingCharacters(in: .whitespaces)) })
    }

    /// The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, ...).
    package static func partition(of region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        if region.hasPrefix("us-iso-") { return "aws-iso" }
        if region.hasPrefix("us-isob-") { return "aws-iso-b" }
        return "aws"
    }
}
