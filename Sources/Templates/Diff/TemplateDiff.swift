/// How one resource differs between two templates.
package struct ResourceDifference: Sendable, Hashable {
    /// The kind of difference.
    package enum Change: Sendable, Hashable {
        /// Only in the new template.
        case added
        /// Only in the old template.
        case removed
        /// In both, with these differences in its body (`Properties`, `Metadata`, `DependsOn`, ...).
        case modified([PropertyDifference])
    }

    /// The resource's logical ID.
    package let logicalID: LogicalID
    /// The resource type (the new one when both exist).
    package let resourceType: String
    /// What changed.
    package let change: Change
}

/// One value that differs inside a resource body.
package struct PropertyDifference: Sendable, Hashable {
    /// Keys from the resource body to the value, e.g. `["Properties", "CodeUri"]`; list items by index.
    package let path: [String]
    /// The old value (nil when added).
    package let oldValue: TemplateValue?
    /// The new value (nil when removed).
    package let newValue: TemplateValue?

    /// The path joined with dots (`Properties.Environment.Variables.LOG_LEVEL`).
    package var dottedPath: String { path.joined(separator: ".") }
}

/// Compares two templates resource by resource, property by property.
package enum TemplateDiff {
    /// The differences from `old` to `new`: changed and added resources in `new`'s order, then
    /// removed ones in `old`'s order. Mapping key order is ignored; list order matters.
    package static func resources(from old: Template, to new: Template) -> [ResourceDifference] {
        var result: [ResourceDifference] = []
        for (id, resource) in new.resources {
            guard let before = old.resources[id] else {
                result.append(ResourceDifference(logicalID: id, resourceType: resource.type, change: .added))
                continue
            }
            var changes: [PropertyDifference] = []
            compare(.map(before.body), .map(resource.body), path: [], into: &changes)
            if !changes.isEmpty {
                result.append(ResourceDifference(logicalID: id, resourceType: resource.type,
                                                 change: .modified(changes)))
            }
        }
        for (id, resource) in old.resources where !new.resources.contains(id) {
            result.append(ResourceDifference(logicalID: id, resourceType: resource.type, change: .removed))
        }
        return result
    }

    /// The differences between two values, with paths relative to them.
    package static func values(_ old: TemplateValue, _ new: TemplateValue) -> [PropertyDifference] {
        var changes: [PropertyDifference] = []
        compare(old, new, path: [], into: &changes)
        return changes
    }

    private static func compare(_ old: TemplateValue, _ new: TemplateValue, path: [String],
                                into changes: inout [PropertyDifference]) {
        switch (old, new) {
        case (.map(let a), .map(let b)) where !old.isIntrinsic && !new.isIntrinsic:
            for (key, newValue) in b {
                if let oldValue = a[key] {
                    compare(oldValue, newValue, path: path + [key], into: &changes)
                } else {
                    changes.append(PropertyDifference(path: path + [key], oldValue: nil, newValue: newValue))
                }
            }
            for (key, oldValue) in a where !b.contains(key) {
                changes.append(PropertyDifference(path: path + [key], oldValue: oldValue, newValue: nil))
            }
        case (.list(let a), .list(let b)) where a.count == b.count:
            for index in a.indices {
                compare(a[index], b[index], path: path + [String(index)], into: &changes)
            }
        default:
            if !semanticallyEqual(old, new) {
                changes.append(PropertyDifference(path: path, oldValue: old, newValue: new))
            }
        }
    }

    /// Equality that ignores mapping key order.
    package static func semanticallyEqual(_ a: TemplateValue, _ b: TemplateValue) -> Bool {
        switch (a, b) {
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { key, value in y[key].map { semanticallyEqual(value, $0) } ?? false }
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { semanticallyEqual($0, $1) }
        default:
            return a == b
        }
    }
}
