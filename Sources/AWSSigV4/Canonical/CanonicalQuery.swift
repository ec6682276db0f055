/// The canonical query string line of a SigV4 canonical request.
enum CanonicalQuery {
    /// Canonicalises `wireQuery` (the query exactly as on the wire, without `?`).
    ///
    /// Each `&`-separated pair is split at its first `=`; key and value are percent-decoded and
    /// re-encoded per RFC 3986 (so `+` stays a literal plus, encoded `%2B`); pairs are sorted by
    /// encoded key, then encoded value; repeated keys are all kept.
    static func make(wireQuery: String?) -> String {
        guard let wireQuery, !wireQuery.isEmpty else { return "" }
        let pairs = wireQuery.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let key: Substring
            let value: Substring
            if let equals = pair.firstIndex(of: "=") {
                key = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                key = pair
                value = ""
            }
            return (key: reencode(key), value: reencode(value))
        }
        return pairs.sorted { lhs, rhs in
            lhs.key != rhs.key ? precedes(lhs.key, rhs.key) : precedes(lhs.value, rhs.value)
        }
        .map { "\($0.key)=\($0.value)" }
        .joined(separator: "&")
    }

    /// Encodes `key=value` pairs (given unencoded) for a query string, in the given order.
    static func encode(_ items: [(name: String, value: String)]) -> String {
        items.map {
            URIEncoding.encode($0.name.utf8, keepingSlash: false) + "="
                + URIEncoding.encode($0.value.utf8, keepingSlash: false)
        }
        .joined(separator: "&")
    }

    private static func reencode(_ text: Substring) -> String {
        URIEncoding.encode(URIEncoding.decode(text), keepingSlash: false)
    }

    /// Byte-wise ordering (the encoded strings are ASCII).
    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
