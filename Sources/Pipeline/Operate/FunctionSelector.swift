import Foundation

/// Picks functions by what the user typed: a logical ID, a nested path (`Api/Handler`), a function
/// name, or a prefix of one of those.
package enum FunctionSelector {
    /// The functions `names` select, in the order asked, each once; every function when `names` is empty.
    /// - Throws: `OperateError` when a name matches nothing (listing the known functions) or, as a
    ///   prefix, several functions (listing them).
    package static func select(_ names: [String], from functions: [StackFunction]) throws -> [StackFunction] {
        guard !names.isEmpty else { return functions }
        var chosen: [StackFunction] = []
        for name in names {
            for function in try match(name, in: functions) where !chosen.contains(function) {
                chosen.append(function)
            }
        }
        return chosen
    }

    /// The functions one name selects.
    static func match(_ name: String, in functions: [StackFunction]) throws -> [StackFunction] {
        func keys(_ function: StackFunction) -> [String] { [function.logicalID, function.displayName, function.functionName] }
        let exact = functions.filter { keys($0).contains(name) }
        if exact.count == 1 { return exact }
        if exact.count > 1 { throw OperateError.ambiguousFunction(name, matches: exact.map(describe)) }
        let prefixed = functions.filter { keys($0).contains { $0.hasPrefix(name) } }
        if prefixed.count == 1 { return prefixed }
        if prefixed.isEmpty { throw OperateError.unknownFunction(name, known: functions.map(describe)) }
        throw OperateError.ambiguousFunction(name, matches: prefixed.map(describe))
    }

    private static func describe(_ function: StackFunction) -> String {
        "\(function.displayName) (\(function.functionName))"
    }
}
