import Foundation

/// `ferry logs` or `ferry metrics` was asked something it cannot answer; the message says what and
/// what to do.
package struct OperateError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case unknownFunction(name: String, known: [String])
        case ambiguousFunction(name: String, matches: [String])
        case badSince(text: String)
        case stackNotDeployed(stack: String)
        case noFunctions(stack: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    /// No function of the stack has this logical ID, name or prefix.
    package static func unknownFunction(_ name: String, known: [String]) -> Self { Self(.unknownFunction(name: name, known: known)) }

    /// More than one function matches this name or prefix.
    package static func ambiguousFunction(_ name: String, matches: [String]) -> Self {
        Self(.ambiguousFunction(name: name, matches: matches))
    }

    /// `--since` is neither a duration (`10m`, `2h`, `1d`) nor an ISO 8601 date.
    package static func badSince(_ text: String) -> Self { Self(.badSince(text: text)) }

    /// The environment's stack does not exist.
    package static func stackNotDeployed(_ stack: String) -> Self { Self(.stackNotDeployed(stack: stack)) }

    /// The stack (and its nested stacks) has no Lambda function.
    package static func noFunctions(_ stack: String) -> Self { Self(.noFunctions(stack: stack)) }

    package var description: String {
        switch reason {
        case let .unknownFunction(name, known):
            let list = known.isEmpty ? "the stack has none" : known.joined(separator: ", ")
            return "\(name) is not a function of the stack (known functions: \(list)); "
                + "give a logical ID, a function name or a prefix of one."
        case let .ambiguousFunction(name, matches):
            return "\(name) matches several functions: \(matches.joined(separator: ", ")); give more of the name."
        case let .badSince(text):
            return "--since \(text) is not a time: give a duration back from now (30s, 10m, 2h, 1d, 1w) "
                + "or an ISO 8601 date (2026-11-27 or 2026-11-27T10:00:00Z)."
        case let .stackNotDeployed(stack):
            return "stack \(stack) is not deployed (check --env and the region); run `ferry deploy` first."
        case let .noFunctions(stack):
            return "stack \(stack) and its nested stacks have no AWS::Lambda::Function."
        }
    }
}
