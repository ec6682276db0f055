import Foundation

/// Expands the `Fn::ForEach` loops of one template section (and the loops and functions inside
/// the values it copies).
struct LoopExpander {
    /// A loop identifier and the collection item it stands for.
    typealias Binding = (identifier: String, value: String)

    let scope: LoopScope
    /// `Resources`, `Outputs` or `Conditions`.
    let section: String

    /// Expands `map`'s entries (loops and plain entries) into `output`, recording the origin of
    /// each generated resource.
    func expandSection(_ map: TemplateMap, bindings: [Binding], levels: [LoopOrigin.Level],
                       into output: inout TemplateMap, origins: inout [LogicalID: LoopOrigin]) throws {
        for (key, value) in map {
            let line = map.line(of: key)
            if key.hasPrefix(LanguageExtensions.loopPrefix) {
                let loop = try parseLoop(key: key, value: value, line: line, bindings: bindings)
                for item in loop.items {
                    let level = LoopOrigin.Level(loopName: loop.name, identifier: loop.identifier, value: item)
                    try expandSection(loop.fragment, bindings: bindings + [(loop.identifier, item)],
                                      levels: levels + [level], into: &output, origins: &origins)
                }
                continue
            }
            let newKey = Self.substitute(key, bindings)
            if output.contains(newKey) {
                let loopName = levels.last.map { " (loop \($0.loopName))" } ?? ""
                throw TemplateError.invalidStructure(
                    "\(section) key '\(newKey)' is generated twice\(loopName); use the loop identifier (${Id}) in "
                        + "the key so every item gets its own", file: scope.file, line: line, logicalID: LogicalID(newKey))
            }
            output.set(newKey, try expandValue(value, bindings: bindings), line: line)
            if section == "Resources", !levels.isEmpty {
                origins[LogicalID(newKey)] = LoopOrigin(levels: levels, resourceKey: key)
            }
        }
    }

    /// A copy of `value` with the loop identifiers replaced, inner loops expanded and the
    /// language-extension functions evaluated where their arguments are known.
    func expandValue(_ value: TemplateValue, bindings: [Binding]) throws -> TemplateValue {
        switch value {
        case .string(let text):
            return .string(Self.substitute(text, bindings))
        case .list(let items):
            return .list(try items.map { try expandValue($0, bindings: bindings) })
        case .map(let map):
            if map.count == 1, let name = map["Ref"]?.stringValue,
               let bound = bindings.last(where: { $0.identifier == name }) {
                return .string(bound.value)
            }
            var output = TemplateMap()
            output.line = map.line
            var ignored: [LogicalID: LoopOrigin] = [:]
            let inner = LoopExpander(scope: scope, section: "Properties")
            for (key, item) in map {
                if key.hasPrefix(LanguageExtensions.loopPrefix) {
                    try inner.expandSection(TemplateMap([(key, item)], line: map.line), bindings: bindings, levels: [],
                                            into: &output, origins: &ignored)
                } else {
                    output.set(Self.substitute(key, bindings), try expandValue(item, bindings: bindings),
                               line: map.line(of: key))
                }
            }
            return ExtensionFunctions(scope: scope).evaluate(.map(output))
        default:
            return value
        }
    }

    /// One loop: its name, identifier, resolved items and fragment.
    struct Loop {
        let name: String
        let identifier: String
        let items: [String]
        let fragment: TemplateMap
    }

    func parseLoop(key: String, value: TemplateValue, line: Int?, bindings: [Binding]) throws -> Loop {
        let name = String(key.dropFirst(LanguageExtensions.loopPrefix.count))
        guard let parts = value.listValue, parts.count == 3, let identifier = parts[0].stringValue, !identifier.isEmpty,
              let fragment = parts[2].mapValue else {
            throw TemplateError.invalidStructure(
                "loop \(name): \(key) must be a list of three: an identifier, a collection and a mapping "
                    + "({OutputKey: OutputValue})", file: scope.file, line: line, logicalID: LogicalID(key))
        }
        let collection = try expandValue(parts[1], bindings: bindings)
        let items = try LoopCollection(scope: scope).items(of: collection, loop: name, key: key, line: line)
        return Loop(name: name, identifier: identifier, items: items, fragment: fragment)
    }

    /// `text` with `${Id}` replaced by the item and `&{Id}` by the item's letters and digits only.
    static func substitute(_ text: String, _ bindings: [Binding]) -> String {
        guard text.contains("{") else { return text }
        var result = text
        for binding in bindings.reversed() {
            result = result.replacingOccurrences(of: "${\(binding.identifier)}", with: binding.value)
            result = result.replacingOccurrences(of: "&{\(binding.identifier)}", with: alphanumeric(binding.value))
        }
        return result
    }

    /// The letters and digits of `text` (what `&{Id}` inserts).
    static func alphanumeric(_ text: String) -> String {
        String(text.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
            .map(Character.init))
    }
}
