import AWSCore
import Foundation

/// AWS Security Token Service: who the caller is, and temporary credentials for a role.
package struct STS: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// A Security Token Service client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// The account, user ID and ARN of the credentials in use (GetCallerIdentity).
    package func getCallerIdentity() async throws -> CallerIdentity {
        try await client.query(.sts, action: "GetCallerIdentity", parameters: [:])
    }

    /// Temporary credentials for `roleArn` (AssumeRole).
    ///
    /// - Parameters:
    ///   - roleArn: the role to assume.
    ///   - sessionName: the `RoleSessionName` that shows up in CloudTrail.
    ///   - durationSeconds: how long the credentials last; `nil` is the role's default (one hour).
    ///   - externalId: the external ID the role's trust policy asks for, if any.
    ///   - serialNumber: the MFA device, when the role requires MFA.
    ///   - tokenCode: the current MFA code, with `serialNumber`.
    package func assumeRole(
        roleArn: String, sessionName: String, durationSeconds: Int? = nil, externalId: String? = nil,
        serialNumber: String? = nil, tokenCode: String? = nil
    ) async throws -> AssumedRole {
        var parameters = QueryParameters()
        parameters.set("RoleArn", roleArn)
        parameters.set("RoleSessionName", sessionName)
        parameters.set("DurationSeconds", durationSeconds)
        parameters.set("ExternalId", externalId)
        parameters.set("SerialNumber", serialNumber)
        parameters.set("TokenCode", tokenCode)
        return try await client.query(.sts, action: "AssumeRole", parameters: parameters.values)
    }
}
