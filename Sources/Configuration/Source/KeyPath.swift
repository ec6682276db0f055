/// A dotted key path inside a TOML document, such as `env.dev.parameters.AdminEmail`.
struct KeyPath: Hashable, Sendable, CustomStringConvertible {
    var components: [String]

    init(_ components: [String] = []) { self.components = components }

    /// This path extended by one key.
    func appending(_ key: String) -> KeyPath { KeyPath(components + [key]) }

    /// The path without its last component, or nil at the root.
    var parent: KeyPath? { components.isEmpty ? nil : KeyPath(Array(components.dropLast())) }

    /// The dotted form; keys that are not bare TOML keys are double-quoted.
    var description: String {
        components.map { TOMLText.key($0) }.joined(separator: ".")
    }
}
