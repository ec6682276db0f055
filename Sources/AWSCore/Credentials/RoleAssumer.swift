import AWSSigV4
import Foundation

/// What an STS `AssumeRole` call needs.
package struct AssumeRoleRequest: Sendable, Equatable {
    /// `role_arn`.
    package var roleARN: String
    /// `role_session_name`, or a generated `ferry-<seconds since 1970>`.
    package var roleSessionName: String
    /// `external_id`.
    package var externalID: String?
    /// `duration_seconds`; nil lets STS use the role's default (one hour).
    package var durationSeconds: Int?

    /// An AssumeRole request; optional fields are left out of the call when nil.
    package init(roleARN: String, roleSessionName: String, externalID: String? = nil, durationSeconds: Int? = nil) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
    }
}

/// Calls STS AssumeRole. The real implementation lives with the STS client in AWSServices;
/// tests pass a fake.
package protocol RoleAssumer: Sendable {
    /// Assumes `request.roleARN` signing with `credentials`; returns the temporary credentials
    /// (with their expiration).
    func assumeRole(_ request: AssumeRoleRequest, using credentials: AWSCredentials) async throws -> AWSCredentials
}

/// Stands in when no STS client was provided: any role profile fails with a clear error.
struct MissingRoleAssumer: RoleAssumer {
    func assumeRole(_ request: AssumeRoleRequest, using credentials: AWSCredentials) async throws -> AWSCredentials {
        throw CredentialsError(.noRoleAssumer(roleARN: request.roleARN))
    }
}
