import Foundation

/// A problem with a project's configuration file: what went wrong, where, and what to do.
///
/// Every error names the file, and where it applies the dotted key (`env.dev.hotswap`) and the
/// 1-based line. Compare with `code` (`error.code == .unknownKey`) to branch on the kind.
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of a configuration error, for matching.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        /// The file is not valid TOML.
        package static let syntax = Code(name: "syntax")
        /// A key that the schema does not know.
        package static let unknownKey = Code(name: "unknownKey")
        /// A value of the wrong TOML type.
        package static let wrongType = Code(name: "wrongType")
        /// A required key is missing.
        package static let missingValue = Code(name: "missingValue")
        /// A `{placeholder}` that is not `{region}`, `{account}` or `{env}`, or an unbalanced brace.
        package static let badPlaceholder = Code(name: "badPlaceholder")
        /// A value outside the allowed set.
        package static let badValue = Code(name: "badValue")
        /// No configuration file in the project directory.
        package static let notFound = Code(name: "notFound")
        /// The file could not be read or written.
        package static let io = Code(name: "io")
        /// A `samconfig.yaml` / `samconfig.yml`, which Ferry does not read.
        package static let unsupportedFormat = Code(name: "unsupportedFormat")
        /// The requested environment is not defined, or none could be chosen.
        package static let unknownEnvironment = Code(name: "unknownEnvironment")
        /// A placeholder needs a value the caller did not give (e.g. `{account}`).
        package static let unresolvedPlaceholder = Code(name: "unresolvedPlaceholder")
        /// `ferry init` would overwrite an existing file.
        package static let fileExists = Code(name: "fileExists")
        /// A readable description of the kind.
        package var description: String { name }
    }

    fileprivate enum Kind: Sendable, Equatable {
        case syntax(message: String, column: Int?)
        case unknownKey(suggestion: String?)
        case wrongType(expected: String, found: String)
        case missingValue(explanation: String)
        case badPlaceholder(placeholder: String, suggestion: String?)
        case badValue(value: String, allowed: [String], explanation: String?)
        case notFound(directory: String, unsupportedNeighbour: String?)
        case io(operation: String, reason: String)
        case unsupportedFormat
        case unknownEnvironment(requested: String?, available: [String])
        case unresolvedPlaceholder(placeholder: String)
        case fileExists
    }

    private let kind: Kind
    /// The configuration file concerned (absolute path), when there is one.
    package let file: String?
    /// The dotted key path (`env.dev.hotswap`), when the problem is about one key.
    package let key: String?
    /// The 1-based line of the key in `file`, when it could be found.
    package let line: Int?
    /// Further problems found in the same file, after this first one (in line order).
    package internal(set) var additionalErrors: [ConfigurationError] = []

    fileprivate init(_ kind: Kind, file: String?, key: String?, line: Int?) {
        self.kind = kind
        self.file = file
        self.key = key
        self.line = line
    }

    /// The kind of this error.
    package var code: Code {
        switch kind {
        case .syntax: .syntax
        case .unknownKey: .unknownKey
        case .wrongType: .wrongType
        case .missingValue: .missingValue
        case .badPlaceholder: .badPlaceholder
        case .badValue: .badValue
        case .notFound: .notFound
        case .io: .io
        case .unsupportedFormat: .unsupportedFormat
        case .unknownEnvironment: .unknownEnvironment
        case .unresolvedPlaceholder: .unresolvedPlaceholder
        case .fileExists: .fileExists
        }
    }

    /// The "did you mean" suggestion for an unknown key or placeholder, if one was close enough.
    package var suggestion: String? {
        switch kind {
        case .unknownKey(let suggestion): suggestion
        case .badPlaceholder(_, let suggestion): suggestion
        default: nil
        }
    }

    /// The problem, its location and the fix, in one or more lines.
    package var description: String {
        var text = "\(location)\(message)"
        for other in additionalErrors {
            text += "\n\(other.location)\(other.message)"
        }
        return text
    }

    private var location: String {
        guard let file else { return "" }
        if let line { return "\(file):\(line): " }
        return "\(file): "
    }

    private var keyText: String { key.map { "'\($0)'" } ?? "the value" }

    private var message: String {
        switch kind {
        case .syntax(let message, let column):
            let at = column.map { " (column \($0))" } ?? ""
            return "invalid TOML\(at): \(message). Fix the syntax; see https://toml.io."
        case .unknownKey(let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? " Remove it or check docs/configuration.md for the allowed keys."
            return "unknown key \(keyText).\(hint)"
        case .wrongType(let expected, let found):
            return "\(keyText) must be \(expected), but it is \(found)."
        case .missingValue(let explanation):
            return "missing required key \(keyText). \(explanation)"
        case .badPlaceholder(let placeholder, let suggestion):
            let hint = suggestion.map { " Did you mean '{\($0)}'?" } ?? ""
            return "\(keyText) uses an unknown placeholder '\(placeholder)'.\(hint) Allowed placeholders: {region}, {account}, {env}."
        case .badValue(let value, let allowed, let explanation):
            let choices = allowed.isEmpty ? "" : " Allowed values: \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))."
            let extra = explanation.map { " \($0)" } ?? ""
            return "\(keyText) has an invalid value \"\(value)\".\(extra)\(choices)"
        case .notFound(let directory, let neighbour):
            if let neighbour {
                return "no ferry.toml or samconfig.toml in \(directory); found \(neighbour), which Ferry does not read (only samconfig.toml is supported). Run 'ferry init' to create a ferry.toml, or convert it to samconfig.toml."
            }
            return "no ferry.toml or samconfig.toml in \(directory). Run 'ferry init' to create one, or pass --config PATH."
        case .io(let operation, let reason):
            return "could not \(operation): \(reason)."
        case .unsupportedFormat:
            return "samconfig.yaml and samconfig.yml are not supported; Ferry reads ferry.toml or samconfig.toml. Run 'ferry init' to create a ferry.toml."
        case .unknownEnvironment(let requested, let available):
            let list = available.isEmpty ? "none are defined" : "defined: \(available.joined(separator: ", "))"
            if let requested {
                return "environment '\(requested)' is not defined (\(list)). Pass one of them with --env, or add [env.\(requested)]."
            }
            if available.isEmpty {
                return "no environment is defined. Add an [env.dev] table with at least stack_name."
            }
            return "several environments are defined and none is named 'dev' (\(list)). Choose one with --env."
        case .unresolvedPlaceholder(let placeholder):
            return "\(keyText) uses {\(placeholder)} but its value is not known yet. Resolve it (for {account}, call STS GetCallerIdentity) and pass it in."
        case .fileExists:
            return "the file already exists; Ferry will not overwrite it. Pass --force to replace it."
        }
    }
}

// MARK: - Constructors used inside the module

extension ConfigurationError {
    static func syntax(file: String, line: Int?, column: Int?, message: String) -> Self {
        .init(.syntax(message: message, column: column), file: file, key: nil, line: line)
    }
    static func unknownKey(file: String, key: String, line: Int?, suggestion: String?) -> Self {
        .init(.unknownKey(suggestion: suggestion), file: file, key: key, line: line)
    }
    static func wrongType(file: String, key: String, line: Int?, expected: String, found: String) -> Self {
        .init(.wrongType(expected: expected, found: found), file: file, key: key, line: line)
    }
    static func missingValue(file: String, key: String, line: Int?, explanation: String) -> Self {
        .init(.missingValue(explanation: explanation), file: file, key: key, line: line)
    }
    static func badPlaceholder(file: String?, key: String, line: Int?, placeholder: String, suggestion: String?) -> Self {
        .init(.badPlaceholder(placeholder: placeholder, suggestion: suggestion), file: file, key: key, line: line)
    }
    static func badValue(
        file: String?, key: String, line: Int?, value: String, allowed: [String], explanation: String? = nil
    ) -> Self {
        .init(.badValue(value: value, allowed: allowed, explanation: explanation), file: file, key: key, line: line)
    }
    static func notFound(directory: String, unsupportedNeighbour: String?) -> Self {
        .init(.notFound(directory: directory, unsupportedNeighbour: unsupportedNeighbour), file: nil, key: nil, line: nil)
    }
    static func io(file: String, operation: String, reason: String) -> Self {
        .init(.io(operation: operation, reason: reason), file: file, key: nil, line: nil)
    }
    static func unsupportedFormat(file: String) -> Self {
        .init(.unsupportedFormat, file: file, key: nil, line: nil)
    }
    static func unknownEnvironment(file: String, requested: String?, available: [String]) -> Self {
        .init(.unknownEnvironment(requested: requested, available: available), file: file, key: nil, line: nil)
    }
    static func unresolvedPlaceholder(file: String?, key: String, line: Int?, placeholder: String) -> Self {
        .init(.unresolvedPlaceholder(placeholder: placeholder), file: file, key: key, line: line)
    }
    static func fileExists(file: String) -> Self {
        .init(.fileExists, file: file, key: nil, line: nil)
    }
}
