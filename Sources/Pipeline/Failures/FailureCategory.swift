/// What kind of failure ended a command; the CLI maps it to an exit code.
package enum FailureCategory: String, Sendable, Encodable {
    /// Bad input: flags, ferry.toml, samconfig.toml, templates.
    case badInput
    /// Credentials, region or endpoint could not be resolved, or AWS refused them.
    case awsConfiguration
    /// A required local tool is missing.
    case missingTool
    /// The operation ran and failed.
    case operationFailed
}

/// A failure as the CLI shows it: one message, its category.
package struct PresentedFailure: Sendable, Encodable, Equatable {
    package var category: FailureCategory
    package var message: String

    package init(category: FailureCategory, message: String) {
        self.category = category
        self.message = message
    }
}
