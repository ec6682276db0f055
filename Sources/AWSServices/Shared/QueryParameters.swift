import Foundation

/// Flattens query-protocol inputs into the `[String: String]` form the query wire format uses:
/// lists become `Name.member.1`, `Name.member.2`, ...; structures in lists become
/// `Name.member.1.Field`; absent values are left out.
package struct QueryParameters: Sendable, Equatable {
    /// The flattened parameters, ready for `AWSClient.query`.
    package private(set) var values: [String: String] = [:]
    private let prefix: String

    /// An empty set of parameters.
    package init() { prefix = "" }

    private init(prefix: String) { self.prefix = prefix }

    /// Sets a string member; `nil` leaves it out.
    package mutating func set(_ name: String, _ value: String?) {
        guard let value else { return }
        values[prefix + name] = value
    }

    /// Sets a Boolean member as `true`/`false`; `nil` leaves it out.
    package mutating func set(_ name: String, _ value: Bool?) {
        set(name, value.map { $0 ? "true" : "false" })
    }

    /// Sets an integer member; `nil` leaves it out.
    package mutating func set(_ name: String, _ value: Int?) {
        set(name, value.map(String.init))
    }

    /// Sets a floating-point member; `nil` leaves it out.
    package mutating func set(_ name: String, _ value: Double?) {
        set(name, value.map { String($0) })
    }

    /// Sets a list of strings as `Name.member.1`, `Name.member.2`, ...; an empty list is left out.
    package mutating func set(_ name: String, list: [String]) {
        for (index, element) in list.enumerated() {
            values["\(prefix)\(name).member.\(index + 1)"] = element
        }
    }

    /// Sets a list of structures: `fields` fills in one element's members, which land under
    /// `Name.member.N.`; an empty list is left out.
    package mutating func set<Element>(
        _ name: String, list: [Element], fields: (inout QueryParameters, Element) -> Void
    ) {
        for (index, element) in list.enumerated() {
            set(name + ".member.\(index + 1)", structure: element, fields: fields)
        }
    }

    /// Sets a nested structure: `fields` fills in its members, which land under `Name.`.
    package mutating func set<Value>(
        _ name: String, structure value: Value?, fields: (inout QueryParameters, Value) -> Void
    ) {
        guard let value else { return }
        var nested = QueryParameters(prefix: prefix + name + ".")
        fields(&nested, value)
        values.merge(nested.values) { _, new in new }
    }
}
