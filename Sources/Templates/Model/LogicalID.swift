/// The name of a resource inside one template (`MyFunction`), as CloudFormation calls it.
package struct LogicalID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The logical ID exactly as written in the template.
    package let rawValue: String

    /// Wraps a logical ID string.
    package init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a logical ID string.
    package init(_ rawValue: String) { self.rawValue = rawValue }

    /// Wraps a string literal (handy in tests and tables).
    package init(stringLiteral value: String) { self.rawValue = value }

    /// The logical ID itself.
    package var description: String { rawValue }

    /// Orders logical IDs alphabetically (byte order), for deterministic output.
    package static func < (lhs: LogicalID, rhs: LogicalID) -> Bool { lhs.rawValue < rhs.rawValue }
}
