/// An ordered mapping from string keys to ``TemplateValue``s, with the source line of each key.
///
/// Lines are for error messages only; two maps are equal when they hold the same keys in the
/// same order with equal values, wherever they came from (YAML or JSON).
package struct TemplateMap: Sendable, Hashable, Sequence {
    private var storage: OrderedMap<String, TemplateValue>
    private var keyLines: [String: Int]
    /// The line where the mapping starts, when loaded from a file.
    package var line: Int?

    /// An empty mapping.
    package init() {
        storage = OrderedMap()
        keyLines = [:]
        line = nil
    }

    /// A mapping holding `pairs` in order.
    package init(_ pairs: [(String, TemplateValue)], line: Int? = nil) {
        storage = OrderedMap(pairs)
        keyLines = [:]
        self.line = line
    }

    /// The value stored under `key`; assigning `nil` removes it, assigning a new key appends it.
    package subscript(key: String) -> TemplateValue? {
        get { storage[key] }
        set {
            storage[key] = newValue
            if newValue == nil { keyLines[key] = nil }
        }
    }

    /// Stores `value` under `key` (appending a new key) and records the key's source line.
    package mutating func set(_ key: String, _ value: TemplateValue, line: Int?) {
        storage[key] = value
        keyLines[key] = line
    }

    /// The keys in order.
    package var keys: [String] { storage.keys }

    /// The number of entries.
    package var count: Int { storage.count }

    /// Whether the mapping is empty.
    package var isEmpty: Bool { storage.isEmpty }

    /// Whether `key` is present.
    package func contains(_ key: String) -> Bool { storage.contains(key) }

    /// The source line of `key`, when loaded from a file.
    package func line(of key: String) -> Int? { keyLines[key] }

    /// Iterates `(key, value)` pairs in order.
    package func makeIterator() -> AnyIterator<(key: String, value: TemplateValue)> {
        storage.makeIterator()
    }

    /// Equal when keys, order and values match; lines are ignored.
    package static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        lhs.storage == rhs.storage
    }

    /// Hashes keys and values; lines are ignored.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
    }
}

extension TemplateMap: ExpressibleByDictionaryLiteral {
    /// A mapping from a literal, in the literal's order.
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}
