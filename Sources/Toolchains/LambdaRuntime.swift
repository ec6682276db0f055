/// A Lambda runtime identifier, read as the family of tools it needs to build.
package enum LambdaRuntime: Sendable, Hashable, CustomStringConvertible {
    /// `python3.12` → version "3.12".
    case python(version: String)
    /// `nodejs20.x` → major 20.
    case nodejs(major: Int)
    /// `provided`, `provided.al2`, `provided.al2023`: built by a makefile or custom command.
    case provided(String)
    /// Any other runtime (java, dotnet, ruby, ...): Ferry has no builder for it.
    case other(String)

    /// Parses a runtime identifier as it appears in a template.
    package init(_ identifier: String) {
        if identifier.hasPrefix("python"), identifier.dropFirst(6).first?.isNumber == true {
            self = .python(version: String(identifier.dropFirst(6)))
        } else if identifier.hasPrefix("nodejs"), let major = Int(identifier.dropFirst(6).prefix { $0.isNumber }) {
            self = .nodejs(major: major)
        } else if identifier.hasPrefix("provided") {
            self = .provided(identifier)
        } else {
            self = .other(identifier)
        }
    }

    package var description: String {
        switch self {
        case .python(let version): "python\(version)"
        case .nodejs(let major): "nodejs\(major).x"
        case .provided(let id), .other(let id): id
        }
    }
}
