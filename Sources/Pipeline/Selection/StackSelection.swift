import Configuration
import Foundation
import Templates

/// The nested stacks a command is limited to (`--stack X`, repeatable): each `X` is a nested
/// stack's logical ID (at any depth) or a stack path (`Root/Pattern2Stack`, with or without the
/// leading `Root/`). Matching is case-sensitive, like CloudFormation's logical IDs. A selected
/// stack includes everything nested under it; no pattern selects the whole tree.
package struct StackSelection: Sendable, Hashable {
    /// What was typed, in order.
    package let patterns: [String]

    /// A selection of `patterns`; empty selects every stack.
    package init(_ patterns: [String] = []) { self.patterns = patterns }

    /// Every stack.
    package static let everything = StackSelection()

    /// Whether no `--stack` was given.
    package var isEverything: Bool { patterns.isEmpty }

    /// Resolves the patterns against the stacks of a local template tree.
    /// - Throws: `StackSelectionError` for an unknown or ambiguous pattern.
    package func resolve(in tree: TemplateTree) throws -> SelectedStacks {
        try resolve(among: tree.allStacks.map(\.stackPath))
    }

    /// Resolves the patterns against stack paths (`Root`, `Root/Child`, `Root/Child/Inner`; the
    /// first component names the root).
    /// - Throws: `StackSelectionError` for an empty, unknown or ambiguous pattern.
    package func resolve(among stackPaths: [String]) throws -> SelectedStacks {
        guard !isEverything else { return SelectedStacks(stackPaths: [], isEverything: true) }
        var chosen: [String] = []
        for pattern in patterns {
            let path = try Self.match(pattern, among: stackPaths)
            if !chosen.contains(path) { chosen.append(path) }
        }
        // A stack under another selected one adds nothing.
        let roots = chosen.filter { path in !chosen.contains { $0 != path && path.hasPrefix($0 + "/") } }
        return SelectedStacks(stackPaths: roots, isEverything: false)
    }

    /// The stack path one pattern selects.
    static func match(_ pattern: String, among stackPaths: [String]) throws -> String {
        let trimmed = pattern.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        guard !trimmed.isEmpty else { throw StackSelectionError.empty() }
        if stackPaths.contains(trimmed) { return trimmed }
        if let rootName = stackPaths.first?.split(separator: "/").first.map(String.init),
           stackPaths.contains("\(rootName)/\(trimmed)") {
            return "\(rootName)/\(trimmed)"
        }
        if !trimmed.contains("/") {
            let byLogicalID = stackPaths.filter { $0.contains("/") && $0.split(separator: "/").last.map(String.init) == trimmed }
            if byLogicalID.count == 1 { return byLogicalID[0] }
            if byLogicalID.count > 1 { throw StackSelectionError.ambiguous(trimmed, matches: byLogicalID) }
        }
        throw StackSelectionError.unknown(pattern, suggestion: suggestion(for: trimmed, among: stackPaths), known: stackPaths)
    }

    /// The logical ID or path closest to `pattern`, when close enough to be a typo.
    static func suggestion(for pattern: String, among stackPaths: [String]) -> String? {
        var candidates: [String] = []
        for path in stackPaths {
            candidates.append(path)
            if let last = path.split(separator: "/").last, path.contains("/") { candidates.append(String(last)) }
        }
        guard let closest = KeySuggestion.closest(to: pattern, in: candidates), closest != pattern else { return nil }
        return closest
    }
}

/// A resolved `StackSelection`: the selected stack paths, each with everything nested under it.
package struct SelectedStacks: Sendable, Hashable {
    /// The selected stacks (none nested in another), in the order asked; empty for everything.
    package let stackPaths: [String]
    /// Whether every stack is selected.
    package let isEverything: Bool

    /// A resolved selection.
    package init(stackPaths: [String], isEverything: Bool) {
        self.stackPaths = stackPaths
        self.isEverything = isEverything
    }

    /// Every stack.
    package static let everything = SelectedStacks(stackPaths: [], isEverything: true)

    /// Whether the stack at `stackPath` is selected (it or one of its parents was asked for).
    package func contains(stackPath: String) -> Bool {
        isEverything || stackPaths.contains { stackPath == $0 || stackPath.hasPrefix($0 + "/") }
    }

    /// `Root/Child, Root/Other`, or nil for everything: what summaries name.
    package var summary: String? { isEverything ? nil : stackPaths.joined(separator: ", ") }
}
