// An ordered set of ignore patterns, as a value.

/// An ordered list of gitignore-style patterns; the last pattern that matches a path decides.
///
/// Build in rules: `IgnoreRules.always` (every walk) and `IgnoreRules.python` (Python functions).
/// Add a project's `.ferryignore` with `appending(contentsOf:)` or `FileTree` does it for you.
package struct IgnoreRules: Sendable, Hashable {
    /// The patterns, in order.
    package var patterns: [IgnorePattern]

    /// Rules from patterns.
    package init(patterns: [IgnorePattern] = []) { self.patterns = patterns }

    /// Rules from the lines of a gitignore-style text (blank lines and `#` comments skipped).
    package init(text: String) {
        self.patterns = text.split(separator: "\n", omittingEmptySubsequences: false)
            .compactMap { IgnorePattern(String($0)) }
    }

    /// Never packaged: `__pycache__/`, `*.pyc`, `.aws-sam/`, `.git/`, `.ferry/`, `node_modules/.cache/`,
    /// `.ferryignore` itself, `.DS_Store`.
    package static let always = IgnoreRules(text: """
        __pycache__/
        *.pyc
        .aws-sam/
        .git/
        .ferry/
        **/node_modules/.cache/
        .ferryignore
        .DS_Store
        """)

    /// `always` plus Python test folders: `tests/` and `test/` at any depth of the source folder.
    package static let python = always.appending(IgnoreRules(text: """
        tests/
        test/
        """))

    /// These rules followed by `other` (so `other` wins where both match).
    package func appending(_ other: IgnoreRules) -> IgnoreRules {
        IgnoreRules(patterns: patterns + other.patterns)
    }

    /// These rules followed by the patterns in a gitignore-style text.
    package func appending(contentsOf text: String) -> IgnoreRules {
        appending(IgnoreRules(text: text))
    }

    /// Whether `relativePath` (slash-separated, relative to the walk's root) is ignored, either itself
    /// or because a folder above it is.
    package func isIgnored(_ relativePath: String, isDirectory: Bool) -> Bool {
        let components = relativePath.split(separator: "/")
        guard !components.isEmpty else { return false }
        for depth in 1..<components.count where decides(Array(components[0..<depth]), isDirectory: true) {
            return true
        }
        return decides(components, isDirectory: isDirectory)
    }

    /// Whether the path itself is ignored, assuming no folder above it is (what a walk needs).
    func ignoresEntry(_ components: [Substring], isDirectory: Bool) -> Bool {
        decides(components, isDirectory: isDirectory)
    }

    private func decides(_ components: [Substring], isDirectory: Bool) -> Bool {
        for pattern in patterns.reversed() where pattern.matches(components: components, isDirectory: isDirectory) {
            return !pattern.isNegated
        }
        return false
    }
}
