import Foundation

/// Who holds an environment's deploy lock, as stored in the lock object.
public struct LockHolder: Sendable, Codable, Equatable {
    /// A unique ID for this acquisition.
    public var id: String
    /// The caller's ARN (STS GetCallerIdentity).
    public var owner: String
    public var host: String
    public var pid: Int32
    public var stackName: String
    public var environment: String
    public var acquiredAt: Date
    public var expiresAt: Date

    /// A holder.
    public init(id: String = UUID().uuidString, owner: String, host: String, pid: Int32, stackName: String,
                environment: String, acquiredAt: Date, expiresAt: Date) {
        self.id = id
        self.owner = owner
        self.host = host
        self.pid = pid
        self.stackName = stackName
        self.environment = environment
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
    }

    /// Whether the lock has expired at `now` (its holder died or forgot it).
    public func isStale(at now: Date) -> Bool { now >= expiresAt }
}
