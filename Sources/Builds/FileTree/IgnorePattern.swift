// One gitignore-style pattern.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One gitignore-style pattern: `*`, `?`, `[abc]`, `**`, `/anchored`, `dir/`, `!negation`.
///
/// Semantics follow gitignore: a pattern without a slash (other than a trailing one) matches a name
/// at any depth; a pattern with a leading or middle slash is anchored to the root of the walk;
/// a trailing slash matches folders only; `**` matches any number of folders (`a/**` matches
/// everything inside `a`, not `a` itself); `!` re-includes what an earlier pattern excluded, but a
/// file inside an excluded folder cannot be re-included (the folder is never entered).
package struct IgnorePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    package let source: String
    /// True for `!pattern`.
    package let isNegated: Bool
    /// True for `pattern/`.
    package let directoriesOnly: Bool
    /// True when the pattern is matched against the whole relative path, not just the name.
    package let isAnchored: Bool
    let segments: [String]

    /// Parses one line of a `.ferryignore`; nil for blank lines and comments.
    package init?(_ line: String) {
        var text = Substring(line)
        if text.hasSuffix("\r") { text = text.dropLast() }
        // Trailing spaces are ignored unless escaped with a backslash.
        while text.hasSuffix(" ") && !text.hasSuffix("\\ ") { text = text.dropLast() }
        if text.isEmpty || text.hasPrefix("#") { return nil }
        source = String(text)
        var negated = false
        if text.hasPrefix("!") {
            negated = true
            text = text.dropFirst()
        } else if text.hasPrefix("\\!") || text.hasPrefix("\\#") {
            text = text.dropFirst()
        }
        var dirOnly = false
        if text.hasSuffix("/") {
            dirOnly = true
            while text.hasSuffix("/") { text = text.dropLast() }
        }
        var anchored = text.contains("/")
        if text.hasPrefix("/") {
            anchored = true
            text = text.drop { $0 == "/" }
        }
        if text.isEmpty { return nil }
        isNegated = negated
        directoriesOnly = dirOnly
        isAnchored = anchored
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The pattern as written.
    package var description: String { source }

    /// Whether this pattern matches `components` (a relative path split on `/`) itself,
    /// ignoring negation. Ancestors are not considered here.
    func matches(components: [Substring], isDirectory: Bool) -> Bool {
        if directoriesOnly && !isDirectory { return false }
        guard let last = components.last else { return false }
        if !isAnchored {
            return segments.count == 1 && Self.glob(segments[0], String(last))
        }
        return Self.match(segments[...], components[...])
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            // A trailing `**` matches everything inside, at least one component.
            if rest.isEmpty { return !path.isEmpty }
            var tail = path
            while true {
                if match(rest, tail) { return true }
                if tail.isEmpty { return false }
                tail = tail.dropFirst()
            }
        }
        guard let first = path.first, glob(head, String(first)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// Shell glob on one path component (`*`, `?`, `[...]`, backslash escapes).
    static func glob(_ pattern: String, _ name: String) -> Bool {
        if !pattern.contains(where: { "*?[\\".contains($0) }) { return pattern == name }
        return fnmatch(pattern, name, FNM_PERIOD_OFF) == 0
    }

    /// fnmatch flags: none (a leading dot is matched by `*`, as in gitignore).
    private static let FNM_PERIOD_OFF: Int32 = 0
}
