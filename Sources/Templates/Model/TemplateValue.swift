/// Any value in a CloudFormation template: a JSON-like tree whose mappings keep their key order.
///
/// Intrinsic functions are ordinary long-form maps here (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`);
/// short-form YAML tags are converted on load. Use ``intrinsic`` to read one as a typed value.
/// Source lines live on mapping entries (``TemplateMap/line(of:)``) and never take part in equality.
package indirect enum TemplateValue: Sendable, Hashable {
    /// A string (also every quoted YAML scalar and every intrinsic argument given as a scalar).
    case string(String)
    /// A number, keeping the text it was written with (`1e3`, `0.50`, `10`).
    case number(String)
    /// A boolean.
    case bool(Bool)
    /// An explicit null (`~`, `null`, or an empty YAML value).
    case null
    /// A sequence.
    case list([TemplateValue])
    /// A mapping in source order.
    case map(TemplateMap)
}

extension TemplateValue {
    /// The string, when this is a `.string`.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The mapping, when this is a `.map`.
    package var mapValue: TemplateMap? {
        if case .map(let value) = self { return value }
        return nil
    }

    /// The items, when this is a `.list`.
    package var listValue: [TemplateValue]? {
        if case .list(let value) = self { return value }
        return nil
    }

    /// The boolean, when this is a `.bool` (or the strings `true`/`false`, as CloudFormation accepts).
    package var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string("true"), .string("True"): return true
        case .string("false"), .string("False"): return false
        default: return nil
        }
    }

    /// The number's text or the string itself: what CloudFormation would read as a scalar.
    package var scalarText: String? {
        switch self {
        case .string(let value), .number(let value): return value
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// The value at `key` when this is a mapping.
    package subscript(key: String) -> TemplateValue? {
        mapValue?[key]
    }

    /// Whether this is a single-key mapping naming an intrinsic function (`Ref`, `Condition`, `Fn::*`).
    package var isIntrinsic: Bool {
        guard let map = mapValue, map.count == 1, let key = map.keys.first else { return false }
        return key == "Ref" || key == "Condition" || key.hasPrefix("Fn::")
    }

    /// Follows a dotted path of mapping keys (`Command.ScriptLocation`).
    package func value(atPath path: [String]) -> TemplateValue? {
        var current: TemplateValue? = self
        for key in path { current = current?[key] }
        return current
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// A `.string` from a literal.
    package init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// A `.bool` from a literal.
    package init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// A `.number` from an integer literal.
    package init(integerLiteral value: Int) { self = .number(String(value)) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// A `.list` from a literal.
    package init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A `.map` from a literal, in the literal's order.
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(TemplateMap(elements))
    }
}
