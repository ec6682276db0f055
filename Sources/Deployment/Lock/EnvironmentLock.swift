import AWSCore
import AWSServices
import Foundation

/// A deploy lock per stack in the artifact bucket: an S3 object created only if absent, with its
/// owner and expiry inside, so two people cannot deploy the same stack at once.
public struct EnvironmentLock: Sendable {
    private let s3: S3
    /// The artifact bucket.
    public let bucket: String
    /// `<prefix>/.ferry/locks/<stack>.json`.
    public let key: String
    /// How long a lock is valid without being released.
    public let lifetime: TimeInterval

    /// The lock for `stackName` under `prefix` in `bucket`.
    public init(s3: S3, bucket: String, prefix: String, stackName: String, lifetime: TimeInterval = 2 * 3600) {
        self.s3 = s3
        self.bucket = bucket
        let base = prefix.isEmpty ? ".ferry" : "\(prefix)/.ferry"
        self.key = "\(base)/locks/\(stackName).json"
        self.lifetime = lifetime
    }

    /// What happened when taking the lock.
    public enum Acquisition: Sendable, Equatable {
        /// Taken.
        case acquired(LockHolder)
        /// Taken after removing an expired lock left by `previous`.
        case replacedStale(LockHolder, previous: LockHolder)
    }

    /// Takes the lock for `holder`, replacing an expired one; throws `DeploymentError.locked`
    /// naming the holder when someone else has it.
    ///
    /// - Parameter unlockCommand: the command that removes a stale lock, shown in the message.
    public func acquire(_ holder: LockHolder, unlockCommand: String, now: Date = Date()) async throws -> Acquisition {
        if try await put(holder) { return .acquired(holder) }
        guard let current = try await read() else {
            // Released between our write and our read: try once more.
            if try await put(holder) { return .acquired(holder) }
            throw DeploymentError.refused("could not take the deploy lock \(key): it changes hands too fast", command: nil)
        }
        guard current.isStale(at: now) else {
            throw DeploymentError.locked(current, key: "s3://\(bucket)/\(key)", command: unlockCommand)
        }
        try await s3.deleteObject(bucket: bucket, key: key)
        if try await put(holder) { return .replacedStale(holder, previous: current) }
        let winner = try await read() ?? current
        throw DeploymentError.locked(winner, key: "s3://\(bucket)/\(key)", command: unlockCommand)
    }

    /// Removes the lock if `holder` still holds it (never someone else's).
    public func release(_ holder: LockHolder) async throws {
        guard let current = try await read(), current.id == holder.id else { return }
        try await s3.deleteObject(bucket: bucket, key: key)
    }

    /// Removes the lock whoever holds it (`--force-unlock`); returns the holder it removed.
    @discardableResult
    public func forceRelease() async throws -> LockHolder? {
        let current = try? await read()
        try await s3.deleteObject(bucket: bucket, key: key)
        return current
    }

    /// The current holder, or nil when the lock is free.
    public func read() async throws -> LockHolder? {
        do {
            let object = try await s3.getObject(bucket: bucket, key: key)
            return try Self.decoder.decode(LockHolder.self, from: object.body)
        } catch where S3.isNotFound(error) {
            return nil
        }
    }

    private func put(_ holder: LockHolder) async throws -> Bool {
        let body = try Self.encoder.encode(holder)
        let result = try await s3.putObject(
            bucket: bucket, key: key, body: .data(body),
            options: PutObjectOptions(contentType: "application/json", onlyIfAbsent: true))
        return result != .alreadyExists
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
