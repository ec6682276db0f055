/// A stack parameter or tag: a key and its string value, kept in the order they were written.
public struct KeyValue: Sendable, Hashable, CustomStringConvertible {
    /// The parameter name or tag key.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a pair.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// `key=value`.
    public var description: String { "\(key)=\(value)" }
}
