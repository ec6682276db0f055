import AWSCore
import AWSSigV4
import Foundation

/// Assumes roles for the credential chain (`role_arn` profiles) with STS AssumeRole.
///
/// The chain hands over the source credentials that must sign the call, so each call uses a
/// client built for those credentials by `makeClient` (same endpoints and transport as the
/// rest of the program).
package struct STSRoleAssumer: RoleAssumer {
    private let makeClient: @Sendable (any CredentialProvider) -> AWSClient

    /// A role assumer whose STS calls go through a client made by `makeClient`.
    package init(makeClient: @escaping @Sendable (any CredentialProvider) -> AWSClient) {
        self.makeClient = makeClient
    }

    /// Calls AssumeRole signed with `credentials` and returns the temporary credentials.
    package func assumeRole(_ request: AssumeRoleRequest, using credentials: AWSCredentials) async throws -> AWSCredentials {
        let sts = STS(client: makeClient(StaticCredentialProvider(credentials)))
        let role = try await sts.assumeRole(
            roleArn: request.roleARN, sessionName: request.roleSessionName,
            durationSeconds: request.durationSeconds, externalId: request.externalID)
        return AWSCredentials(
            accessKeyID: role.credentials.accessKeyId, secretAccessKey: role.credentials.secretAccessKey,
            sessionToken: role.credentials.sessionToken, expiration: role.credentials.expiration)
    }
}
