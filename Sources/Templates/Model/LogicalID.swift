/// The name of a resource inside one template (`MyFunction`), as CloudFormation calls it.
public struct LogicalID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The logical ID exactly as written in the template.
    public let rawValue: String

    /// Wraps a logical ID string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a logical ID string.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Wraps a string literal (handy in tests and tables).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The logical ID itself.
    public var description: String { rawValue }

    /// Orders logical IDs alphabetically (byte order), for deterministic output.
    public static func < (lhs: LogicalID, rhs: LogicalID) -> Bool { lhs.rawValue < rhs.rawValue }
}
