import Foundation

/// A webhook URL as written in ferry.toml, where `${NAME}` stands for an environment variable
/// (so a secret such as a Slack webhook stays out of git). Expanded only when a notification is sent.
package struct WebhookURLTemplate: Sendable, Equatable, CustomStringConvertible {
    /// The text as written, e.g. `${SLACK_WEBHOOK}` or `https://example.com/hook?token=${TOKEN}`.
    package let raw: String

    /// One piece of the text: literal characters or a variable reference.
    enum Piece: Equatable {
        case literal(String)
        case variable(String)
    }

    let pieces: [Piece]

    /// Parses `raw`; throws a message when a `${` is not closed or a name is not a valid
    /// variable name, or when a URL without variables is not http(s) with a host.
    package init(_ raw: String) throws(WebhookURLProblem) {
        self.raw = raw
        pieces = try Self.parse(raw)
        if variables.isEmpty {
            guard let url = URL(string: raw), url.host?.isEmpty == false,
                  ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
                throw WebhookURLProblem(message: "It must be an http:// or https:// URL, or use ${VARIABLE} for a secret URL.")
            }
        }
    }

    /// The environment variables the URL uses, in order.
    package var variables: [String] {
        pieces.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// The URL with every `${NAME}` replaced from `environment`.
    /// - Throws: `WebhookURLProblem` naming the variable that is unset, or when the result is no http(s) URL.
    package func expand(_ environment: [String: String]) throws(WebhookURLProblem) -> URL {
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let value): text += value
            case .variable(let name):
                guard let value = environment[name], !value.isEmpty else {
                    throw WebhookURLProblem(message: "the environment variable \(name) used by webhook \(raw) is not set")
                }
                text += value
            }
        }
        guard let url = URL(string: text), url.host?.isEmpty == false,
              ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            throw WebhookURLProblem(message: "webhook \(raw) does not expand to an http(s) URL")
        }
        return url
    }

    /// The URL as written (never the expanded secret).
    package var description: String { raw }

    private static func parse(_ raw: String) throws(WebhookURLProblem) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(raw)
        while let open = rest.range(of: "${") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "}") else {
                throw WebhookURLProblem(message: "'${' is not closed with '}'.")
            }
            let name = String(after[..<close])
            guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
                  name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
                throw WebhookURLProblem(message: "'${\(name)}' is not an environment variable name (letters, digits, _).")
            }
            pieces.append(.variable(name))
            rest = after[after.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }
}

/// Why a webhook URL cannot be read or expanded.
package struct WebhookURLProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and what to do.
    package let message: String
    /// The message.
    package var description: String { message }
}
