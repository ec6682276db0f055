import Foundation

/// A text output that masks every registered secret before writing.
package struct RedactingOutput: TextOutput {
    private let base: any TextOutput
    private let secrets: SecretValues

    /// Writes to `base` through `secrets`.
    package init(_ base: any TextOutput, secrets: SecretValues = .shared) {
        self.base = base
        self.secrets = secrets
    }

    package func write(_ text: String) { base.write(secrets.redact(text)) }
}
