import Foundation

/// Resolves the collection of an `Fn::ForEach` loop locally: a literal list, a `Ref` to a list
/// parameter (its value, else its `Default`), `Fn::Split` of a known string, or `Fn::FindInMap`
/// of a literal mapping entry. Anything else cannot be known before deploy time, and Ferry must
/// know every item to build what the loop generates: that is an error naming the loop.
struct LoopCollection {
    let scope: LoopScope

    /// The items of `collection` (already substituted and evaluated) for loop `loop`.
    func items(of collection: TemplateValue, loop: String, key: String, line: Int?) throws -> [String] {
        if let items = resolve(collection) { return items }
        throw TemplateError.invalidStructure(
            "loop \(loop): its collection \(Self.describe(collection)) cannot be resolved locally, and Ferry must know "
                + "every item to build, plan and verify what the loop generates. Use a literal list, or a Ref to a "
                + "CommaDelimitedList parameter with a Default or a value in the environment's parameters",
            file: scope.file, line: line, logicalID: LogicalID(key))
    }

    /// The items, or nil when they cannot be known locally.
    func resolve(_ value: TemplateValue) -> [String]? {
        switch value {
        case .list(let items):
            var texts: [String] = []
            for item in items {
                guard let text = item.scalarText ?? ExtensionFunctions(scope: scope).scalar(item) else { return nil }
                texts.append(text)
            }
            return texts
        case .map:
            guard let intrinsic = value.intrinsic else { return nil }
            switch intrinsic {
            case .ref(let name):
                guard let text = scope.parameterValue(name) else { return nil }
                return Self.split(text, by: ",")
            case .split(let delimiter, let source):
                guard let text = source.scalarText ?? ExtensionFunctions(scope: scope).scalar(source) else { return nil }
                return Self.split(text, by: delimiter)
            case .findInMap:
                guard let found = ExtensionFunctions(scope: scope).lookUp(value), !found.isIntrinsic else { return nil }
                return resolve(found)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    static func split(_ text: String, by delimiter: String) -> [String] {
        guard !text.isEmpty else { return [] }
        guard !delimiter.isEmpty else { return [text] }
        return text.components(separatedBy: delimiter).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A short rendering of a collection for error messages.
    static func describe(_ value: TemplateValue) -> String {
        if let intrinsic = value.mapValue, let name = intrinsic.keys.first, value.isIntrinsic {
            let argument = intrinsic[name]?.scalarText.map { " \($0)" } ?? ""
            return "\(name)\(argument)"
        }
        return String(JSONTemplateWriter(indent: 0).write(value).filter { $0 != "\n" }.prefix(80))
    }
}
