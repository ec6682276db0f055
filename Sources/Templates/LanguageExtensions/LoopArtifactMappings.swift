/// Carries the artifact locations packaging wrote into an expanded template back into the
/// author's template, loops intact, as SAM CLI does:
///
/// - a location that is the same for every item of its loop is written into the loop's body;
/// - locations that differ per item go into a generated mapping (`SAMCodeUriFunctions`: item →
///   `{CodeUri: s3://...}`), and the body's property becomes
///   `Fn::FindInMap: [SAMCodeUriFunctions, !Ref Name, CodeUri]` (nested loops key the mapping by
///   `Outer-Inner` through `Fn::Join`). CloudFormation then expands the loops itself.
package enum LoopArtifactMappings {
    /// One location packaging wrote: where (from the root of the expanded template) and what.
    package struct Location: Sendable, Hashable {
        /// The path from the template root, e.g. `Resources`, `AlphaFunction`, `Properties`, `CodeUri`.
        package var templatePath: [String]
        /// The value written (`s3://...`, or a `{S3Bucket, S3Key}` mapping).
        package var value: TemplateValue

        /// A location.
        package init(templatePath: [String], value: TemplateValue) {
            self.templatePath = templatePath
            self.value = value
        }
    }

    /// The authored template of `source` with every location carried in.
    /// - Throws: ``TemplateError`` when a loop's items cannot be mapping keys (only letters,
    ///   digits, `-` and `_` can) or a location cannot be written.
    package static func authored(_ source: LanguageExtensionsSource, locations: [Location], file: String?) throws -> TemplateValue {
        var root = source.authored
        var groups: [Group] = []
        for location in locations {
            let path = location.templatePath
            if path.count >= 3, path[0] == "Resources", let origin = source.origins[LogicalID(path[1])] {
                let rest = Array(path.dropFirst(2))
                if let index = groups.firstIndex(where: { $0.origin.authoredPath == origin.authoredPath && $0.rest == rest }) {
                    groups[index].entries.append((origin.levels, location.value))
                } else {
                    groups.append(Group(origin: origin, rest: rest, entries: [(origin.levels, location.value)]))
                }
                continue
            }
            root = try set(location.value, at: path, in: root, file: file)
        }
        let dynamic = groups.filter { !$0.isStatic }
        var mappings: [(String, TemplateValue)] = []
        for group in groups {
            let target = group.origin.authoredPath + group.rest
            if group.isStatic {
                root = try set(group.entries[0].value, at: target, in: root, file: file)
                continue
            }
            let loops = group.origin.levels.map(\.loopName)
            let leaf = group.rest.last ?? "Location"
            let collides = dynamic.filter { $0.origin.levels.map(\.loopName) == loops && $0.rest.last == group.rest.last }.count > 1
            let name = ArtifactMappingNames.name(leaf: leaf, loops: loops, resourceKey: group.origin.resourceKey, collides: collides)
            let written = root.value(atPath: target)
            let (table, property) = try group.mapping(name: name, leaf: leaf, authoredValue: written, file: file)
            mappings.append((name, .map(table)))
            root = try set(property, at: target, in: root, file: file)
        }
        return mappings.isEmpty ? root : adding(mappings, to: root)
    }

    static func set(_ value: TemplateValue, at path: [String], in root: TemplateValue, file: String?) throws -> TemplateValue {
        guard let updated = root.setting(value, atPath: path) else {
            throw TemplateError.invalidStructure(
                "the packaged location cannot be written at \(path.joined(separator: "."))", file: file, line: nil,
                logicalID: path.count > 1 ? LogicalID(path[1]) : nil)
        }
        return updated
    }

    /// `root` with `mappings` added to its `Mappings` section (created before `Resources`).
    static func adding(_ mappings: [(String, TemplateValue)], to root: TemplateValue) -> TemplateValue {
        guard let map = root.mapValue else { return root }
        if var existing = map["Mappings"]?.mapValue {
            for (name, table) in mappings { existing[name] = table }
            var updated = map
            updated.set("Mappings", .map(existing), line: map.line(of: "Mappings"))
            return .map(updated)
        }
        var result = TemplateMap()
        result.line = map.line
        for (key, value) in map {
            if key == "Resources" { result["Mappings"] = .map(TemplateMap(mappings)) }
            result.set(key, value, line: map.line(of: key))
        }
        if !result.contains("Mappings") { result["Mappings"] = .map(TemplateMap(mappings)) }
        return .map(result)
    }
}

/// The locations of one property of one resource of a loop, one per generated resource.
private struct Group {
    let origin: LoopOrigin
    let rest: [String]
    var entries: [(levels: [LoopOrigin.Level], value: TemplateValue)]

    var isStatic: Bool { entries.allSatisfy { $0.value == entries[0].value } }

    /// The mapping table and the property that reads it.
    func mapping(name: String, leaf: String, authoredValue: TemplateValue?, file: String?) throws -> (TemplateMap, TemplateValue) {
        let levels = origin.levels
        var text = ""
        if let authoredValue { ExtensionFunctions.writeJSON(authoredValue, into: &text) }
        var used = levels.indices.filter { index in
            let id = levels[index].identifier
            return text.contains("${\(id)}") || text.contains("&{\(id)}") || text.contains("{\"Ref\":\"\(id)\"}")
        }
        if used.isEmpty || !isKeyed(by: used) { used = Array(levels.indices) }
        var table = TemplateMap()
        for entry in entries {
            let key = used.map { entry.levels[$0].value }.joined(separator: "-")
            guard ArtifactMappingNames.isValidKey(key) else {
                let loop = levels[used.last ?? 0]
                throw TemplateError.invalidStructure(
                    "loop \(loop.loopName): item '\(key)' cannot be a key of mapping \(name), which carries each item's "
                        + "packaged \(leaf) (CloudFormation allows only letters, digits, '-' and '_' in mapping keys); "
                        + "rename the item or give every item the same \(leaf)",
                    file: file, line: nil, logicalID: LogicalID(loop.key))
            }
            table[key] = entry.value.mapValue.map(TemplateValue.map) ?? .map(TemplateMap([(leaf, entry.value)]))
        }
        let refs = used.map { TemplateValue.map(TemplateMap([("Ref", .string(levels[$0].identifier))])) }
        let lookup: TemplateValue = refs.count == 1 ? refs[0]
            : .map(TemplateMap([("Fn::Join", .list([.string("-"), .list(refs)]))]))
        func find(_ field: String) -> TemplateValue {
            .map(TemplateMap([("Fn::FindInMap", .list([.string(name), lookup, .string(field)]))]))
        }
        if let fields = entries[0].value.mapValue {
            return (table, .map(TemplateMap(fields.keys.map { ($0, find($0)) })))
        }
        return (table, find(leaf))
    }

    /// Whether the values of the loops at `indices` alone tell the entries apart.
    private func isKeyed(by indices: [Int]) -> Bool {
        var seen: [String: TemplateValue] = [:]
        for entry in entries {
            let key = indices.map { entry.levels[$0].value }.joined(separator: "-")
            if let other = seen[key], other != entry.value { return false }
            seen[key] = entry.value
        }
        return true
    }
}
