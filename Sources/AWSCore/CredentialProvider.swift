@_exported import struct AWSSigV4.AWSCredentials
import AWSSigV4
import Foundation

/// Something that yields AWS credentials: one source (environment, a profile, a container
/// endpoint, ...) or the whole chain.
package protocol CredentialProvider: Sendable {
    /// Returns credentials, refreshing them first when they are about to expire.
    func credentials() async throws -> AWSCredentials
}

/// A provider that always returns the same credentials (tests, or credentials given on the
/// command line).
package struct StaticCredentialProvider: CredentialProvider {
    package let value: AWSCredentials
    package init(_ value: AWSCredentials) { self.value = value }
    package func credentials() async throws -> AWSCredentials { value }
}
