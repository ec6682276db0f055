import AWSCore
import Foundation

/// The answer of GetCallerIdentity.
public struct CallerIdentity: Decodable, Sendable, Equatable {
    /// The unique ID of the calling entity.
    public var userId: String
    /// The 12-digit account ID.
    public var account: String
    /// The ARN of the calling entity.
    public var arn: String
}

/// The answer of AssumeRole: temporary credentials and who they belong to.
public struct AssumedRole: Decodable, Sendable, Equatable {
    /// The temporary credentials.
    public var credentials: TemporaryCredentials
    /// The assumed-role user the credentials act as.
    public var assumedRoleUser: AssumedRoleUser?
    /// How full the session policy was, as a percentage of the allowed size.
    public var packedPolicySize: Int?
    /// The source identity set on the session, if any.
    public var sourceIdentity: String?
}

/// Temporary security credentials returned by STS.
public struct TemporaryCredentials: Decodable, Sendable, Equatable {
    /// The access key ID (`ASIA...`).
    public var accessKeyId: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token that must accompany the keys.
    public var sessionToken: String
    /// When the credentials stop working.
    public var expiration: Date
}

/// The identifiers of an assumed-role session.
public struct AssumedRoleUser: Decodable, Sendable, Equatable {
    /// `AROA...:session-name`.
    public var assumedRoleId: String
    /// The `arn:aws:sts::...:assumed-role/...` ARN.
    public var arn: String
}
