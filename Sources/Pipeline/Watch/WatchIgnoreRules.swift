// What `ferry watch` never reacts to: build output, caches, lock files and editor temp files.
import Builds

/// Decides whether a changed path is noise: build output (`.ferry/`, `.aws-sam/`), caches
/// (`__pycache__/`, `*.pyc`, `.pytest_cache/`, `node_modules/.cache/`), lock files and editor
/// temporary files (`*.swp`, `*~`, `.#*`, vim's `4913`, `*.tmp`, `.DS_Store`).
///
/// The rules are gitignore patterns (`IgnoreRules`, the same matcher builds use), matched against
/// the path relative to the folder being watched, so a folder that is ignored hides everything in it.
package struct WatchIgnoreRules: Sendable, Hashable {
    /// The patterns.
    package let rules: IgnoreRules

    /// Rules from patterns; `standard` unless told otherwise.
    package init(rules: IgnoreRules = WatchIgnoreRules.standardPatterns) { self.rules = rules }

    /// The rules `ferry watch` uses.
    package static let standard = WatchIgnoreRules()

    /// `IgnoreRules.always` (what builds never package) plus caches, lock files and editor files.
    package static let standardPatterns = IgnoreRules.always.appending(contentsOf: """
        .pytest_cache/
        .mypy_cache/
        .ruff_cache/
        .git/
        *.pyo
        *.lock
        *.lck
        .~lock.*
        *.swp
        *.swx
        *.swo
        *~
        .#*
        \\#*#
        4913
        *.tmp
        .DS_Store
        """)

    /// Whether `relativePath` (slash-separated, relative to a watched folder) is noise, itself or
    /// through a folder above it.
    package func isIgnored(_ relativePath: String, isDirectory: Bool = false) -> Bool {
        rules.isIgnored(relativePath, isDirectory: isDirectory)
    }

    /// Whether the absolute `path` is noise, judged relative to `root` (a folder containing it);
    /// paths outside `root` are judged by their last component only.
    package func isIgnored(path: String, under root: String, isDirectory: Bool = false) -> Bool {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if path.hasPrefix(prefix) { return isIgnored(String(path.dropFirst(prefix.count)), isDirectory: isDirectory) }
        return isIgnored(String(path.split(separator: "/").last ?? ""), isDirectory: isDirectory)
    }
}
