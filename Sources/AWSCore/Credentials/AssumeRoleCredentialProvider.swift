import AWSSigV4
import Foundation

/// Credentials from STS AssumeRole, signed with credentials from a source profile or a
/// `credential_source`; cached until 5 minutes before they expire.
package struct AssumeRoleCredentialProvider: CredentialSource {
    /// The AssumeRole call made on each refresh.
    package let request: AssumeRoleRequest
    /// Where the source credentials come from (`profile base`, `Environment`).
    package let via: String
    private let source: any CredentialProvider
    private let roleAssumer: any RoleAssumer
    private let cache: CredentialCache

    /// - Parameters:
    ///   - request: the role to assume.
    ///   - source: provides the credentials that sign the AssumeRole call.
    ///   - via: a description of `source` for messages (`profile base`).
    ///   - roleAssumer: makes the STS call.
    ///   - cache: keeps the assumed credentials (refreshes 5 minutes before expiry by default).
    package init(request: AssumeRoleRequest, source: any CredentialProvider, via: String, roleAssumer: any RoleAssumer,
                cache: CredentialCache = CredentialCache()) {
        self.request = request
        self.source = source
        self.via = via
        self.roleAssumer = roleAssumer
        self.cache = cache
    }

    /// `assume role arn:aws:iam::123456789012:role/deploy via profile base`.
    package var sourceDescription: String { "assume role \(request.roleARN) via \(via)" }

    package func credentials() async throws -> AWSCredentials {
        try await cache.credentials { [request, source, via, roleAssumer] in
            let sourceCredentials: AWSCredentials
            do {
                sourceCredentials = try await source.credentials()
            } catch let error as CredentialsError where error.isSourceUnavailable {
                throw CredentialsError(.roleSourceUnavailable(roleARN: request.roleARN, via: via, reason: error.triedLine ?? "\(error)"))
            }
            do {
                return try await roleAssumer.assumeRole(request, using: sourceCredentials)
            } catch let error as CredentialsError {
                throw error
            } catch {
                throw CredentialsError(.assumeRoleFailed(roleARN: request.roleARN, via: via, underlying: String(describing: error)))
            }
        }
    }
}
