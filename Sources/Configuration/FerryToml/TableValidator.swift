/// Reads typed values out of a TOML table, collecting errors that name file, key and line.
struct TableValidator {
    let document: ConfigDocument
    private(set) var errors: [ConfigurationError] = []

    init(document: ConfigDocument) { self.document = document }

    /// Records an error.
    mutating func report(_ error: ConfigurationError) { errors.append(error) }

    /// The line of `path`.
    func line(_ path: KeyPath) -> Int? { document.line(path) }

    /// Reports every key of `table` that is not in `allowed`, with a suggestion when close.
    /// `elsewhere` maps keys that belong in another table to where they go (`stack_name` at the
    /// top level → `env.<name>.stack_name`), used when no allowed key is close.
    mutating func rejectUnknownKeys(
        in table: [String: TOMLNode], at path: KeyPath, allowed: [String], elsewhere: [String: String] = [:]
    ) {
        for key in document.orderedKeys(of: table, at: path) where !allowed.contains(key) {
            let keyPath = path.appending(key)
            report(.unknownKey(
                file: document.file, key: keyPath.description, line: line(keyPath),
                suggestion: KeySuggestion.closest(to: key, in: allowed) ?? elsewhere[key]))
        }
    }

    private mutating func wrongType(_ path: KeyPath, expected: String, found: TOMLNode) {
        report(.wrongType(
            file: document.file, key: path.description, line: line(path),
            expected: expected, found: found.typeDescription))
    }

    /// A string value, or nil when absent or of the wrong type (reported).
    mutating func string(_ key: String, in table: [String: TOMLNode], at path: KeyPath) -> String? {
        guard let node = table[key] else { return nil }
        guard case .string(let value) = node else {
            wrongType(path.appending(key), expected: "a string", found: node)
            return nil
        }
        return value
    }

    /// A boolean value, or nil when absent or of the wrong type (reported).
    mutating func bool(_ key: String, in table: [String: TOMLNode], at path: KeyPath) -> Bool? {
        guard let node = table[key] else { return nil }
        guard case .boolean(let value) = node else {
            wrongType(path.appending(key), expected: "a boolean (true or false)", found: node)
            return nil
        }
        return value
    }

    /// An integer value, or nil when absent or of the wrong type (reported).
    mutating func integer(_ key: String, in table: [String: TOMLNode], at path: KeyPath) -> Int? {
        guard let node = table[key] else { return nil }
        guard case .integer(let value) = node else {
            wrongType(path.appending(key), expected: "an integer", found: node)
            return nil
        }
        return value
    }

    /// An array of strings, or nil when absent or of the wrong type (reported).
    mutating func stringArray(_ key: String, in table: [String: TOMLNode], at path: KeyPath) -> [String]? {
        guard let node = table[key] else { return nil }
        let keyPath = path.appending(key)
        guard case .array(let items) = node else {
            wrongType(keyPath, expected: "an array of strings", found: node)
            return nil
        }
        var values: [String] = []
        for item in items {
            guard case .string(let value) = item else {
                wrongType(keyPath, expected: "an array of strings", found: .array([item]))
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// A sub-table, or nil when absent or of the wrong type (reported).
    mutating func table(_ key: String, in table: [String: TOMLNode], at path: KeyPath) -> [String: TOMLNode]? {
        guard let node = table[key] else { return nil }
        guard case .table(let value) = node else {
            wrongType(path.appending(key), expected: "a table", found: node)
            return nil
        }
        return value
    }

    /// A string from a closed set, or nil when absent or invalid (reported).
    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ key: String, in table: [String: TOMLNode], at path: KeyPath, as type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let raw = string(key, in: table, at: path) else { return nil }
        guard let value = Value(rawValue: raw) else {
            let keyPath = path.appending(key)
            report(.badValue(
                file: document.file, key: keyPath.description, line: line(keyPath), value: raw,
                allowed: Value.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }

    /// A placeholder template, or nil when absent or invalid (reported).
    mutating func placeholderTemplate(_ key: String, in table: [String: TOMLNode], at path: KeyPath) -> PlaceholderTemplate? {
        guard let raw = string(key, in: table, at: path) else { return nil }
        let keyPath = path.appending(key)
        do {
            return try PlaceholderTemplate(raw, file: document.file, key: keyPath.description, line: line(keyPath))
        } catch let error as ConfigurationError {
            report(error)
        } catch {}
        return nil
    }

    /// A table of scalar values as ordered string pairs (arrays of scalars join with commas, for
    /// `List<...>` and `CommaDelimitedList` parameters).
    mutating func keyValues(_ key: String, in table: [String: TOMLNode], at path: KeyPath, allowArrays: Bool) -> [KeyValue] {
        guard let entries = self.table(key, in: table, at: path) else { return [] }
        let tablePath = path.appending(key)
        var pairs: [KeyValue] = []
        for name in document.orderedKeys(of: entries, at: tablePath) {
            let node = entries[name]!
            if let value = Self.scalarText(node) {
                pairs.append(KeyValue(key: name, value: value))
            } else if allowArrays, case .array(let items) = node, let texts = Optional(items.compactMap(Self.scalarText)),
                      texts.count == items.count {
                pairs.append(KeyValue(key: name, value: texts.joined(separator: ",")))
            } else {
                let expected = allowArrays ? "a string, number, boolean or array of them" : "a string, number or boolean"
                wrongType(tablePath.appending(name), expected: expected, found: node)
            }
        }
        return pairs
    }

    private static func scalarText(_ node: TOMLNode) -> String? {
        switch node {
        case .string(let value): value
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        default: nil
        }
    }
}
