/// A CloudFormation intrinsic function read from its long form (`{"Fn::Join": [",", [...]]}`).
///
/// Arguments that are not in the documented shape yield ``other(name:argument:)`` rather than an
/// error: the template stays loadable and CloudFormation will report the mistake itself.
package enum Intrinsic: Sendable, Hashable {
    /// `Ref`: a parameter or resource name.
    case ref(String)
    /// `Fn::GetAtt`: a resource and an attribute (the attribute may itself be a `Ref`).
    case getAtt(resource: String, attribute: TemplateValue)
    /// `Fn::Sub`: a template string with optional variables.
    case sub(String, variables: TemplateMap?)
    /// `Fn::Join`: a delimiter and the values to join.
    case join(delimiter: String, values: TemplateValue)
    /// `Fn::Select`: an index and a list.
    case select(index: TemplateValue, list: TemplateValue)
    /// `Fn::Split`: a delimiter and a source string.
    case split(delimiter: String, source: TemplateValue)
    /// `Fn::FindInMap`: map name, top-level key, second-level key (and an optional default).
    case findInMap([TemplateValue])
    /// `Fn::Base64`.
    case base64(TemplateValue)
    /// `Fn::Cidr`: ip block, count, cidr bits.
    case cidr([TemplateValue])
    /// `Fn::ImportValue`.
    case importValue(TemplateValue)
    /// `Fn::GetAZs`: a region (often empty).
    case getAZs(TemplateValue)
    /// `Fn::If`: a condition name, the value when true and the value when false.
    case `if`(condition: String, then: TemplateValue, else: TemplateValue)
    /// `Fn::Equals`.
    case equals(TemplateValue, TemplateValue)
    /// `Fn::And`.
    case and([TemplateValue])
    /// `Fn::Or`.
    case or([TemplateValue])
    /// `Fn::Not`.
    case not(TemplateValue)
    /// `Condition`: a condition name used inside a condition.
    case condition(String)
    /// `Fn::Transform`: a macro name and its parameters.
    case transform(name: String, parameters: TemplateMap)
    /// Any other `Fn::*` (e.g. `Fn::Length`, `Fn::ToJsonString`) or a malformed argument list.
    case other(name: String, argument: TemplateValue)
}

extension TemplateValue {
    /// The intrinsic function this value calls, when it is a single-key `Ref`/`Condition`/`Fn::*` map.
    package var intrinsic: Intrinsic? {
        guard isIntrinsic, let map = mapValue, let name = map.keys.first, let arg = map[name] else {
            return nil
        }
        return Intrinsic.parse(name: name, argument: arg) ?? .other(name: name, argument: arg)
    }
}

extension Intrinsic {
    fileprivate static func parse(name: String, argument arg: TemplateValue) -> Intrinsic? {
        let list = arg.listValue
        switch name {
        case "Ref": return arg.stringValue.map(Intrinsic.ref)
        case "Condition": return arg.stringValue.map(Intrinsic.condition)
        case "Fn::GetAtt":
            if let list, list.count == 2, let resource = list[0].stringValue {
                return .getAtt(resource: resource, attribute: list[1])
            }
            if let text = arg.stringValue, let dot = text.firstIndex(of: ".") {
                return .getAtt(resource: String(text[..<dot]), attribute: .string(String(text[text.index(after: dot)...])))
            }
            return nil
        case "Fn::Sub":
            if let text = arg.stringValue { return .sub(text, variables: nil) }
            if let list, list.count == 2, let text = list[0].stringValue, let vars = list[1].mapValue {
                return .sub(text, variables: vars)
            }
            return nil
        case "Fn::Join":
            guard let list, list.count == 2, let delimiter = list[0].stringValue else { return nil }
            return .join(delimiter: delimiter, values: list[1])
        case "Fn::Select":
            guard let list, list.count == 2 else { return nil }
            return .select(index: list[0], list: list[1])
        case "Fn::Split":
            guard let list, list.count == 2, let delimiter = list[0].stringValue else { return nil }
            return .split(delimiter: delimiter, source: list[1])
        case "Fn::FindInMap": return list.map(Intrinsic.findInMap)
        case "Fn::Base64": return .base64(arg)
        case "Fn::Cidr": return list.map(Intrinsic.cidr)
        case "Fn::ImportValue": return .importValue(arg)
        case "Fn::GetAZs": return .getAZs(arg)
        case "Fn::If":
            guard let list, list.count == 3, let condition = list[0].stringValue else { return nil }
            return .if(condition: condition, then: list[1], else: list[2])
        case "Fn::Equals":
            guard let list, list.count == 2 else { return nil }
            return .equals(list[0], list[1])
        case "Fn::And": return list.map(Intrinsic.and)
        case "Fn::Or": return list.map(Intrinsic.or)
        case "Fn::Not":
            guard let list, list.count == 1 else { return nil }
            return .not(list[0])
        case "Fn::Transform":
            guard let map = arg.mapValue, let macro = map["Name"]?.stringValue else { return nil }
            return .transform(name: macro, parameters: map["Parameters"]?.mapValue ?? TemplateMap())
        default: return nil
        }
    }
}
