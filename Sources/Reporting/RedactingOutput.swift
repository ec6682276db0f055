import Foundation

/// A text output that masks every registered secret before writing.
public struct RedactingOutput: TextOutput {
    private let base: any TextOutput
    private let secrets: SecretValues

    /// Writes to `base` through `secrets`.
    public init(_ base: any TextOutput, secrets: SecretValues = .shared) {
        self.base = base
        self.secrets = secrets
    }

    public func write(_ text: String) { base.write(secrets.redact(text)) }
}
