/// A dictionary that remembers the order in which keys were first inserted.
///
/// Templates are read and written in their author's order; this is the small ordered map the
/// module uses for that (resources by logical ID, mapping entries by key).
package struct OrderedMap<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The keys in insertion order.
    package private(set) var keys: [Key] = []
    private var storage: [Key: Value] = [:]

    /// An empty map.
    package init() {}

    /// A map holding `pairs` in order; a repeated key keeps its first position and its last value.
    package init(_ pairs: [(Key, Value)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The value stored under `key`; assigning `nil` removes the key.
    package subscript(key: Key) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The number of entries.
    package var count: Int { keys.count }

    /// Whether the map has no entries.
    package var isEmpty: Bool { keys.isEmpty }

    /// The values in key order.
    package var values: [Value] { keys.map { storage[$0]! } }

    /// Whether `key` is present.
    package func contains(_ key: Key) -> Bool { storage[key] != nil }
}

extension OrderedMap: Sequence {
    /// Iterates `(key, value)` pairs in insertion order.
    package func makeIterator() -> AnyIterator<(key: Key, value: Value)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            let key = keys[index]
            return (key, storage[key]!)
        }
    }
}

extension OrderedMap: Equatable where Value: Equatable {
    /// Equal when both hold the same keys in the same order with equal values.
    package static func == (lhs: OrderedMap, rhs: OrderedMap) -> Bool {
        lhs.keys == rhs.keys && lhs.storage == rhs.storage
    }
}

extension OrderedMap: Hashable where Value: Hashable {
    /// Hashes keys in order and their values.
    package func hash(into hasher: inout Hasher) {
        for key in keys {
            hasher.combine(key)
            hasher.combine(storage[key])
        }
    }
}

extension OrderedMap: ExpressibleByDictionaryLiteral {
    /// A map from a literal, in the literal's order.
    package init(dictionaryLiteral elements: (Key, Value)...) {
        self.init(elements)
    }
}
