/// The canonical headers and signed-headers lines of a SigV4 canonical request.
struct CanonicalHeaders: Sendable, Equatable {
    /// Headers never signed: hop-by-hop headers and ones proxies rewrite (as botocore).
    static let unsignedNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// `name:value` lines, sorted by lower-case name, joined by `\n` (no trailing newline).
    let canonical: String
    /// Lower-case names joined by `;`.
    let signedNames: String

    /// Builds the canonical form of `headers`: names lower-cased, values trimmed with inner
    /// whitespace runs (including line breaks of folded values) collapsed to one space, values of
    /// repeated names joined by `,` in the order given.
    init(_ headers: [(name: String, value: String)]) {
        var values: [String: [String]] = [:]
        for header in headers {
            let name = Self.trimAll(header.name).lowercased()
            guard !Self.unsignedNames.contains(name) else { continue }
            values[name, default: []].append(Self.trimAll(header.value))
        }
        let names = values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        canonical = names.map { "\($0):\(values[$0]!.joined(separator: ","))" }.joined(separator: "\n")
        signedNames = names.joined(separator: ";")
    }

    /// Trims leading/trailing whitespace and collapses inner whitespace runs to one space.
    static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: { isWhitespace($0) }).joined(separator: " ")
    }

    private static func isWhitespace(_ character: Character) -> Bool {
        switch character {
        case " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}": true
        default: false
        }
    }
}
