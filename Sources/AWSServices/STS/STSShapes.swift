import AWSCore
import Foundation

/// The answer of GetCallerIdentity.
package struct CallerIdentity: Decodable, Sendable, Equatable {
    /// The unique ID of the calling entity.
    package var userId: String
    /// The 12-digit account ID.
    package var account: String
    /// The ARN of the calling entity.
    package var arn: String
}

/// The answer of AssumeRole: temporary credentials and who they belong to.
package struct AssumedRole: Decodable, Sendable, Equatable {
    /// The temporary credentials.
    package var credentials: TemporaryCredentials
    /// The assumed-role user the credentials act as.
    package var assumedRoleUser: AssumedRoleUser?
    /// How full the session policy was, as a percentage of the allowed size.
    package var packedPolicySize: Int?
    /// The source identity set on the session, if any.
    package var sourceIdentity: String?
}

/// Temporary security credentials returned by STS.
package struct TemporaryCredentials: Decodable, Sendable, Equatable {
    /// The access key ID (`ASIA...`).
    package var accessKeyId: String
    /// The secret access key.
    package var secretAccessKey: String
    /// The session token that must accompany the keys.
    package var sessionToken: String
    /// When the credentials stop working.
    package var expiration: Date
}

/// The identifiers of an assumed-role session.
package struct AssumedRoleUser: Decodable, Sendable, Equatable {
    /// `AROA...:session-name`.
    package var assumedRoleId: String
    /// The `arn:aws:sts::...:assumed-role/...` ARN.
    package var arn: String
}
