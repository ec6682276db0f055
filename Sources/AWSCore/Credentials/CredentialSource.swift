import AWSSigV4
import Foundation

/// One place credentials can come from (environment, a profile, a container endpoint, IMDS),
/// with a description for `ferry doctor`.
///
/// A source that is not set up here throws a `CredentialsError` whose `isSourceUnavailable` is
/// true, so a `CredentialProviderChain` moves on; any other error stops the chain.
package protocol CredentialSource: CredentialProvider {
    /// Where the credentials come from: `environment`, `profile dev in ~/.aws/credentials`,
    /// `assume role arn:aws:iam::1:role/x via profile base`, `container`, `IMDS`.
    var sourceDescription: String { get }
}

/// A source that is known not to be available; it only tells the chain why.
package struct UnavailableCredentialSource: CredentialSource {
    /// What the source would have been (`environment`, `profile default`).
    package let sourceDescription: String
    /// Why it is unavailable (`AWS_ACCESS_KEY_ID is not set`).
    package let reason: String

    /// A placeholder for `sourceDescription`, unavailable because of `reason`.
    package init(_ sourceDescription: String, reason: String) {
        self.sourceDescription = sourceDescription
        self.reason = reason
    }

    /// Always throws a "not available" `CredentialsError`.
    package func credentials() async throws -> AWSCredentials {
        throw CredentialsError(.notConfigured(source: sourceDescription, reason: reason))
    }
}
