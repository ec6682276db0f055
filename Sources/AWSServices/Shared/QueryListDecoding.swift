import AWSCore

extension KeyedDecodingContainer {
    /// Decodes a query-protocol list that AWS leaves out entirely when it is empty: a missing
    /// element gives an empty list instead of a `keyNotFound` error. Synthesized `Decodable`
    /// conformances in this module pick this overload for `QueryList` properties.
    func decode<T>(_ type: QueryList<T>.Type, forKey key: Key) throws -> QueryList<T> {
        try decodeIfPresent(type, forKey: key) ?? QueryList()
    }
}
