@_exported import struct AWSSigV4.AWSCredentials
import AWSSigV4
import Foundation

/// Something that yields AWS credentials: one source (environment, a profile, a container
/// endpoint, ...) or the whole chain.
public protocol CredentialProvider: Sendable {
    /// Returns credentials, refreshing them first when they are about to expire.
    func credentials() async throws -> AWSCredentials
}

/// A provider that always returns the same credentials (tests, or credentials given on the
/// command line).
public struct StaticCredentialProvider: CredentialProvider {
    public let value: AWSCredentials
    public init(_ value: AWSCredentials) { self.value = value }
    public func credentials() async throws -> AWSCredentials { value }
}
