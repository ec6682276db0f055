/// A string with `{region}`, `{account}` and `{env}` placeholders, such as an artifact bucket name.
///
/// Created from configuration, where unknown placeholders (`{regoin}`) and unbalanced braces are
/// rejected; expanded once the region, account and environment are known.
package struct PlaceholderTemplate: Sendable, Hashable, CustomStringConvertible {
    /// A placeholder name.
    package enum Placeholder: String, Sendable, CaseIterable {
        /// The AWS region, e.g. `eu-central-1`.
        case region
        /// The 12-digit AWS account ID (from STS GetCallerIdentity).
        case account
        /// The Ferry environment name, e.g. `dev`.
        case env
    }

    private enum Segment: Sendable, Hashable {
        case literal(String)
        case placeholder(Placeholder)
    }

    /// The text as written, placeholders included.
    package let rawValue: String
    private let segments: [Segment]

    /// A template without placeholders (samconfig values, which SAM never expands; a bucket found in AWS).
    package init(literal: String) {
        rawValue = literal
        segments = literal.isEmpty ? [] : [.literal(literal)]
    }

    /// Parses `rawValue`; throws `ConfigurationError` (`.badPlaceholder`) for unknown placeholders.
    package init(_ rawValue: String) throws {
        try self.init(rawValue, file: nil, key: "value", line: nil)
    }

    init(_ rawValue: String, file: String?, key: String, line: Int?) throws {
        self.rawValue = rawValue
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(rawValue)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            literal += rest[..<open]
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw ConfigurationError.badPlaceholder(
                    file: file, key: key, line: line, placeholder: String(rest[open...]), suggestion: nil)
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let placeholder = Placeholder(rawValue: name) else {
                let suggestion = KeySuggestion.closest(to: name, in: Placeholder.allCases.map(\.rawValue))
                throw ConfigurationError.badPlaceholder(
                    file: file, key: key, line: line, placeholder: "{\(name)}", suggestion: suggestion)
            }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.placeholder(placeholder))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    /// The placeholders used, in order of appearance (with repeats removed).
    package var placeholders: [Placeholder] {
        var seen: [Placeholder] = []
        for case .placeholder(let p) in segments where !seen.contains(p) { seen.append(p) }
        return seen
    }

    /// Replaces every placeholder. Throws `.unresolvedPlaceholder` when `{account}` is used and
    /// `account` is nil.
    package func expand(region: String, account: String?, environment: String) throws -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .placeholder(.region): out += region
            case .placeholder(.env): out += environment
            case .placeholder(.account):
                guard let account else {
                    throw ConfigurationError.unresolvedPlaceholder(
                        file: nil, key: rawValue, line: nil, placeholder: "account")
                }
                out += account
            }
        }
        return out
    }

    /// The text as written.
    package var description: String { rawValue }
}
