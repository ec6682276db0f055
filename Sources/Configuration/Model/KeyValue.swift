/// A stack parameter or tag: a key and its string value, kept in the order they were written.
package struct KeyValue: Sendable, Hashable, CustomStringConvertible {
    /// The parameter name or tag key.
    package var key: String
    /// The value.
    package var value: String

    /// Creates a pair.
    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// `key=value`.
    package var description: String { "\(key)=\(value)" }
}
