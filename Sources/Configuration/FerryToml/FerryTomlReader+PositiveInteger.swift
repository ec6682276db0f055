extension FerryTomlReader {
    /// Reads an integer key that must be 1 or more; a smaller value is reported with `explanation`
    /// (file, key and line) and read as absent.
    func positiveInteger(_ key: String, in table: [String: TOMLNode], at path: KeyPath, explanation: String,
                         _ v: inout TableValidator) -> Int? {
        guard let value = v.integer(key, in: table, at: path) else { return nil }
        guard value < 1 else { return value }
        let keyPath = path.appending(key)
        v.report(.badValue(file: document.file, key: keyPath.description, line: v.line(keyPath), value: String(value),
                           allowed: [], explanation: explanation))
        return nil
    }
}
