import Foundation

/// An AWS shared config or credentials file could not be read: says which file, which line and
/// how to fix it.
package struct SharedConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case malformedLine(file: String, line: Int, text: String)
        case malformedNestedLine(file: String, line: Int, parent: String, text: String)
        case unclosedSection(file: String, line: Int, text: String)
        case settingOutsideSection(file: String, line: Int, key: String)
        case duplicateSection(file: String, line: Int, header: String, firstLine: Int)
        case duplicateKey(file: String, line: Int, key: String, section: String, firstLine: Int)
        case unreadable(file: String, reason: String)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    /// The file the problem is in.
    package var file: String {
        switch reason {
        case .malformedLine(let file, _, _), .malformedNestedLine(let file, _, _, _), .unclosedSection(let file, _, _),
             .settingOutsideSection(let file, _, _), .duplicateSection(let file, _, _, _),
             .duplicateKey(let file, _, _, _, _), .unreadable(let file, _):
            return file
        }
    }

    /// The 1-based line the problem is on, when there is one.
    package var line: Int? {
        switch reason {
        case .malformedLine(_, let line, _), .malformedNestedLine(_, let line, _, _), .unclosedSection(_, let line, _),
             .settingOutsideSection(_, let line, _), .duplicateSection(_, let line, _, _),
             .duplicateKey(_, let line, _, _, _):
            return line
        case .unreadable:
            return nil
        }
    }

    package var description: String {
        switch reason {
        case .malformedLine(let file, let line, let text):
            return "\(file):\(line): cannot read `\(text)`: expected `[section]`, `key = value` or a `#` comment. "
                + "Fix or remove the line."
        case .malformedNestedLine(let file, let line, let parent, let text):
            return "\(file):\(line): `\(text)` is indented under `\(parent) =`, so it must be a nested `key = value`. "
                + "Write it as `key = value`, or remove the indentation if it is not part of `\(parent)`."
        case .unclosedSection(let file, let line, let text):
            return "\(file):\(line): section header `\(text)` has no closing `]`. Write it as `[name]`."
        case .settingOutsideSection(let file, let line, let key):
            return "\(file):\(line): `\(key)` comes before any `[section]` header. "
                + "Put it under a profile, e.g. `[default]`."
        case .duplicateSection(let file, let line, let header, let firstLine):
            return "\(file):\(line): section `[\(header)]` already appears on line \(firstLine). "
                + "Merge the two sections into one."
        case .duplicateKey(let file, let line, let key, let section, let firstLine):
            return "\(file):\(line): `\(key)` is set twice in `[\(section)]` (first on line \(firstLine)). "
                + "Keep only one of them."
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason). Check the file's permissions, or point "
                + "AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere."
        }
    }
}
