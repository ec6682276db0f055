/// The `Mappings` that carry generated artifact locations through `Fn::ForEach` loops, named as
/// SAM CLI names them: `SAM<Property><LoopNames>` (`SAMCodeUriFunctions`), with the resource
/// key's letters appended when two resources of one loop share a property name.
enum ArtifactMappingNames {
    /// The prefix of every artifact mapping.
    static let prefix = "SAM"

    /// The mapping name for `leaf` (`CodeUri`) of a resource inside `loops`.
    static func name(leaf: String, loops: [String], resourceKey: String, collides: Bool) -> String {
        let base = prefix + alphanumeric(leaf) + loops.map(alphanumeric).joined()
        return collides ? base + resourceSuffix(resourceKey) : base
    }

    /// The resource key without its loop placeholders, letters and digits only
    /// (`${Name}Function` → `Function`).
    static func resourceSuffix(_ key: String) -> String {
        var text = ""
        var skipping = false
        var previous: Character?
        for character in key {
            if character == "{", previous == "$" || previous == "&" {
                skipping = true
                text.removeLast()
            } else if skipping {
                if character == "}" { skipping = false }
            } else {
                text.append(character)
            }
            previous = character
        }
        return alphanumeric(text)
    }

    static func alphanumeric(_ text: String) -> String {
        LoopExpander.alphanumeric(text)
    }

    /// Whether a mapping key is one CloudFormation accepts (letters, digits, `-`, `_`).
    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
    }

    /// `mappings` without the artifact mappings packaging generated: once the loops are expanded
    /// their values sit in the resources themselves, so a new code location is a code change
    /// (decided by hash), not a change of the `Mappings` section.
    static func withoutArtifactMappings(_ mappings: TemplateMap) -> TemplateMap {
        var result = mappings
        for (name, table) in mappings where name.hasPrefix(prefix) && isArtifactTable(table) {
            result[name] = nil
        }
        return result
    }

    /// Whether every entry of a mapping is a location: `{Leaf: s3://...}` or `{S3Bucket, S3Key}`-like.
    static func isArtifactTable(_ table: TemplateValue) -> Bool {
        guard let entries = table.mapValue, !entries.isEmpty else { return false }
        let locationKeys: Set<String> = ["S3Bucket", "S3Key", "S3ObjectVersion", "Bucket", "Key", "Version", "ObjectVersion"]
        return entries.allSatisfy { entry in
            guard let fields = entry.value.mapValue, !fields.isEmpty else { return false }
            let texts = fields.map { $0.value.stringValue }
            guard texts.allSatisfy({ $0 != nil }) else { return false }
            if Set(fields.keys).isSubset(of: locationKeys) { return true }
            return fields.count == 1 && texts.allSatisfy { text in
                let lower = text!.lowercased()
                return lower.hasPrefix("s3://") || lower.hasPrefix("https://") || lower.hasPrefix("http://")
            }
        }
    }
}
