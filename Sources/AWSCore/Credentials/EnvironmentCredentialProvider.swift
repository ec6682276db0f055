import AWSSigV4
import Foundation

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`
/// (or the older `AWS_SECURITY_TOKEN`).
package struct EnvironmentCredentialProvider: CredentialSource {
    private let environment: [String: String]

    /// - Parameter environment: the process environment (injected; never read here directly).
    package init(environment: [String: String]) {
        self.environment = environment
    }

    package var sourceDescription: String { "environment" }

    /// Whether either key variable is set (so this source is the one to use).
    package static func isConfigured(_ environment: [String: String]) -> Bool {
        nonEmpty(environment["AWS_ACCESS_KEY_ID"]) != nil || nonEmpty(environment["AWS_SECRET_ACCESS_KEY"]) != nil
    }

    package func credentials() async throws -> AWSCredentials {
        let key = Self.nonEmpty(environment["AWS_ACCESS_KEY_ID"])
        let secret = Self.nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
        switch (key, secret) {
        case (nil, nil):
            throw CredentialsError(.notConfigured(source: "environment", reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"))
        case (.some, nil):
            throw CredentialsError(.incompleteEnvironment(present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY"))
        case (nil, .some):
            throw CredentialsError(.incompleteEnvironment(present: "AWS_SECRET_ACCESS_KEY", missing: "AWS_ACCESS_KEY_ID"))
        case (.some(let key), .some(let secret)):
            let token = Self.nonEmpty(environment["AWS_SESSION_TOKEN"]) ?? Self.nonEmpty(environment["AWS_SECURITY_TOKEN"])
            return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
        }
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
