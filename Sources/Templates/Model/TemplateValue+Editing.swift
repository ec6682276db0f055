extension TemplateValue {
    /// A copy with `newValue` stored at `path` (mapping keys, or list indexes as decimal strings);
    /// missing intermediate mappings are created. Returns nil when the path crosses a scalar or a
    /// list index out of range.
    package func setting(_ newValue: TemplateValue, atPath path: [String]) -> TemplateValue? {
        guard let key = path.first else { return newValue }
        let rest = Array(path.dropFirst())
        switch self {
        case .map(var map):
            let child = map[key] ?? .map(TemplateMap())
            guard let updated = child.setting(newValue, atPath: rest) else { return nil }
            map.set(key, updated, line: map.line(of: key))
            return .map(map)
        case .list(var items):
            guard let index = Int(key), items.indices.contains(index),
                  let updated = items[index].setting(newValue, atPath: rest) else { return nil }
            items[index] = updated
            return .list(items)
        case .null:
            return TemplateValue.map(TemplateMap()).setting(newValue, atPath: path)
        default:
            return nil
        }
    }
}

extension Template {
    /// Stores `value` at `path` from the template root (e.g. `["Resources", "Fn", "Properties", "CodeUri"]`).
    /// - Returns: false when the path does not lead anywhere settable.
    @discardableResult
    package mutating func setValue(_ value: TemplateValue, atPath path: [String]) -> Bool {
        guard let section = path.first else { return false }
        if section == "Resources" {
            guard path.count >= 2, var resource = resources[LogicalID(path[1])],
                  let body = TemplateValue.map(resource.body).setting(value, atPath: Array(path.dropFirst(2))),
                  let bodyMap = body.mapValue else { return false }
            resource.body = bodyMap
            resources[LogicalID(path[1])] = resource
            return true
        }
        guard let updated = TemplateValue.map(sections).setting(value, atPath: path), let map = updated.mapValue else {
            return false
        }
        sections = map
        return true
    }
}

extension LocalArtifact {
    /// The full path from the template root to the value (what ``Template/setValue(_:atPath:)`` takes).
    package var templatePath: [String] {
        switch origin {
        case .resource(let id): return ["Resources", id.rawValue, "Properties"] + propertyPath
        case .templateMetadata, .includeTransform: return propertyPath
        }
    }
}
