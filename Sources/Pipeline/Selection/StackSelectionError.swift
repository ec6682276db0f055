import Foundation

/// A `--stack` value that names no stack, or several; the message lists the stacks and what to do.
package struct StackSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case empty
        case unknown(pattern: String, suggestion: String?, known: [String])
        case ambiguous(pattern: String, matches: [String])
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    /// `--stack ""`.
    package static func empty() -> Self { Self(.empty) }

    /// No stack has this logical ID or path.
    package static func unknown(_ pattern: String, suggestion: String?, known: [String]) -> Self {
        Self(.unknown(pattern: pattern, suggestion: suggestion, known: known))
    }

    /// Several nested stacks have this logical ID.
    package static func ambiguous(_ pattern: String, matches: [String]) -> Self {
        Self(.ambiguous(pattern: pattern, matches: matches))
    }

    /// The suggested stack, for an unknown pattern close to one.
    package var suggestion: String? {
        if case let .unknown(_, suggestion, _) = reason { return suggestion }
        return nil
    }

    /// The matching stack paths, for an ambiguous pattern.
    package var matches: [String] {
        if case let .ambiguous(_, matches) = reason { return matches }
        return []
    }

    package var description: String {
        switch reason {
        case .empty:
            return "--stack needs a nested stack's logical ID or a stack path (Root/Child)."
        case let .unknown(pattern, suggestion, known):
            let hint = suggestion.map { " Did you mean \($0)?" } ?? ""
            return "--stack \(pattern) is not a stack of the template tree (logical IDs and paths are case-sensitive).\(hint) "
                + "Stacks: \(known.joined(separator: ", "))."
        case let .ambiguous(pattern, matches):
            return "--stack \(pattern) names several nested stacks: \(matches.joined(separator: ", ")); give the path of one."
        }
    }
}
