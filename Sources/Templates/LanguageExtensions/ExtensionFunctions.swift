/// The functions `AWS::LanguageExtensions` adds, evaluated where their arguments are known
/// locally: `Fn::Length`, `Fn::ToJsonString` and `Fn::FindInMap` (with its `DefaultValue`).
/// A call whose arguments are not known yet (a `Ref` to a resource, `Fn::GetAtt`, ...) stays as
/// written, as CloudFormation would evaluate it at deploy time.
struct ExtensionFunctions {
    let scope: LoopScope

    /// `value` with its outermost call evaluated when possible (arguments are already evaluated).
    func evaluate(_ value: TemplateValue) -> TemplateValue {
        guard value.isIntrinsic, let map = value.mapValue, let name = map.keys.first, let argument = map[name] else {
            return value
        }
        switch name {
        case "Fn::Length":
            if let items = argument.listValue { return .number(String(items.count)) }
            if let items = LoopCollection(scope: scope).resolve(argument) { return .number(String(items.count)) }
            return value
        case "Fn::ToJsonString":
            guard !Self.containsIntrinsic(argument) else { return value }
            var out = ""
            Self.writeJSON(argument, into: &out)
            return .string(out)
        case "Fn::FindInMap":
            return lookUp(value) ?? value
        default:
            return value
        }
    }

    /// The value `Fn::FindInMap` finds (or its `DefaultValue` when the keys are known but absent),
    /// or nil when the map name or a key is not known locally.
    func lookUp(_ value: TemplateValue) -> TemplateValue? {
        guard let arguments = value["Fn::FindInMap"]?.listValue, arguments.count == 3 || arguments.count == 4 else {
            return nil
        }
        let fallback = arguments.count == 4 ? arguments[3]["DefaultValue"] : nil
        guard let mapName = scalar(arguments[0]), let top = scalar(arguments[1]), let second = scalar(arguments[2]) else {
            return nil
        }
        if let found = scope.mappings[mapName]?[top]?[second] { return found }
        return fallback
    }

    /// The text of a scalar, a `Ref` to a scalar parameter, a resolvable `Fn::FindInMap`, or an
    /// `Fn::Join` of those (the key of a nested loop's artifact mapping).
    func scalar(_ value: TemplateValue) -> String? {
        if let text = value.scalarText { return text }
        guard let intrinsic = value.intrinsic else { return nil }
        switch intrinsic {
        case .ref(let name):
            return scope.isListParameter(name) ? nil : scope.parameterValue(name)
        case .findInMap:
            return lookUp(value)?.scalarText
        case .join(let delimiter, let values):
            guard let parts = values.listValue?.map(scalar), parts.allSatisfy({ $0 != nil }) else { return nil }
            return parts.map { $0! }.joined(separator: delimiter)
        default:
            return nil
        }
    }

    /// Whether `value` calls any intrinsic function anywhere.
    static func containsIntrinsic(_ value: TemplateValue) -> Bool {
        switch value {
        case .map(let map): return value.isIntrinsic || map.contains { containsIntrinsic($0.value) }
        case .list(let items): return items.contains(where: containsIntrinsic)
        default: return false
        }
    }

    /// Compact JSON, keys in order (what `Fn::ToJsonString` returns).
    static func writeJSON(_ value: TemplateValue, into out: inout String) {
        switch value {
        case .string(let text): JSONTemplateWriter.quote(text, into: &out)
        case .number(let text): out += JSONNumber.canonical(text) ?? "\"\(text)\""
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                writeJSON(item, into: &out)
            }
            out += "]"
        case .map(let map):
            out += "{"
            for (index, entry) in map.enumerated() {
                if index > 0 { out += "," }
                JSONTemplateWriter.quote(entry.key, into: &out)
                out += ":"
                writeJSON(entry.value, into: &out)
            }
            out += "}"
        }
    }
}
