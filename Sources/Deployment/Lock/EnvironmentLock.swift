import AWSCore
import AWSServices
import Foundation

/// A deploy lock per stack in the artifact bucket: an S3 object created only if absent, with its
/// owner and expiry inside, so two people cannot deploy the same stack at once.
///
/// Under lost answers it stays correct: a conditional write whose answer was lost and that is
/// retried meets its own lock (same `id`) and proceeds; a lock is replaced only by a
/// compare-and-swap on its entity tag, so two takers cannot both win.
package struct EnvironmentLock: Sendable {
    private let s3: S3
    /// The artifact bucket.
    package let bucket: String
    /// `<prefix>/.ferry/locks/<stack>.json`.
    package let key: String
    /// How long a lock is valid without being released.
    package let lifetime: TimeInterval
    /// The command that removes the lock whoever holds it.
    package let unlockCommand: String

    /// The lock for `stackName` under `prefix` in `bucket`.
    package init(s3: S3, bucket: String, prefix: String, stackName: String, environment: String? = nil,
                lifetime: TimeInterval = 2 * 3600) {
        self.s3 = s3
        self.bucket = bucket
        let base = prefix.isEmpty ? ".ferry" : "\(prefix)/.ferry"
        self.key = "\(base)/locks/\(stackName).json"
        self.lifetime = lifetime
        self.unlockCommand = "ferry deploy\(environment.map { " --env \($0)" } ?? "") --force-unlock"
    }

    /// `s3://bucket/key`.
    package var location: String { "s3://\(bucket)/\(key)" }

    /// What happened when taking the lock.
    package enum Acquisition: Sendable, Equatable {
        /// Taken.
        case acquired(LockHolder)
        /// It was already ours: an earlier attempt of this acquisition succeeded but its answer was lost.
        case alreadyOurs(LockHolder)
        /// Taken after replacing an expired lock left by `previous`.
        case replacedStale(LockHolder, previous: LockHolder)
        /// Taken over from `previous`, a process of this machine that no longer runs.
        case tookOverAbandoned(LockHolder, previous: LockHolder)
    }

    /// Takes the lock for `holder`, replacing an expired or abandoned one; throws
    /// `DeploymentError.locked` naming the holder when someone else has it, and
    /// `DeploymentError.corruptLock` when the lock object cannot be read.
    ///
    /// - Parameters:
    ///   - unlockCommand: the command that removes a stale lock, shown in the message.
    ///   - isAbandoned: whether a current holder is a process of this machine that has ended.
    package func acquire(_ holder: LockHolder, unlockCommand: String? = nil, now: Date = Date(),
                        isAbandoned: @Sendable (LockHolder) -> Bool = { _ in false }) async throws -> Acquisition {
        let unlock = unlockCommand ?? self.unlockCommand
        for _ in 0..<3 {
            if try await put(holder, replacing: nil) { return .acquired(holder) }
            guard let (current, eTag) = try await readTagged(unlockCommand: unlock) else {
                continue  // released between our write and our read: try again
            }
            if current.id == holder.id { return .alreadyOurs(holder) }
            let stale = current.isStale(at: now)
            guard stale || isAbandoned(current) else {
                throw DeploymentError.locked(current, key: location, command: unlock)
            }
            if try await put(holder, replacing: eTag) {
                return stale ? .replacedStale(holder, previous: current) : .tookOverAbandoned(holder, previous: current)
            }
            // Someone changed it first (or our own replacement's answer was lost): look again.
            if let (winner, _) = try await readTagged(unlockCommand: unlock) {
                if winner.id == holder.id {
                    return stale ? .replacedStale(holder, previous: current) : .tookOverAbandoned(holder, previous: current)
                }
                throw DeploymentError.locked(winner, key: location, command: unlock)
            }
        }
        throw DeploymentError.refused("could not take the deploy lock \(location): it changes hands too fast", command: nil)
    }

    /// Removes the lock if `holder` still holds it (never someone else's). A lock that is not
    /// readable is left alone.
    package func release(_ holder: LockHolder) async throws {
        guard let current = try? await read(), current.id == holder.id else { return }
        try await s3.deleteObject(bucket: bucket, key: key)
    }

    /// Removes the lock whoever holds it (`--force-unlock`); returns the holder it removed.
    @discardableResult
    package func forceRelease() async throws -> LockHolder? {
        let current = try? await read()
        try await s3.deleteObject(bucket: bucket, key: key)
        return current
    }

    /// The current holder, or nil when the lock is free.
    /// - Throws: `DeploymentError.corruptLock` when the object is empty or not a lock.
    package func read() async throws -> LockHolder? {
        try await readTagged(unlockCommand: unlockCommand)?.holder
    }

    private func readTagged(unlockCommand: String) async throws -> (holder: LockHolder, eTag: String?)? {
        let object: S3ObjectContent
        do {
            object = try await s3.getObject(bucket: bucket, key: key)
        } catch where S3.isNotFound(error) {
            return nil
        }
        do {
            return (try Self.decoder.decode(LockHolder.self, from: object.body), object.metadata.eTag)
        } catch {
            let reason = object.body.isEmpty ? "it is empty" : "it is not a lock Ferry wrote (\(object.body.count) bytes)"
            throw DeploymentError.corruptLock(key: location, reason: reason, command: unlockCommand)
        }
    }

    /// Writes `holder` if the lock is free (`replacing` nil) or still the object with that entity
    /// tag; false when the condition failed.
    private func put(_ holder: LockHolder, replacing eTag: String?) async throws -> Bool {
        let body = try Self.encoder.encode(holder)
        var options = PutObjectOptions(contentType: "application/json", onlyIfAbsent: eTag == nil)
        options.onlyIfETag = eTag
        do {
            let result = try await s3.putObject(bucket: bucket, key: key, body: .data(body), options: options)
            return result != .alreadyExists
        } catch where eTag != nil && S3.isNotFound(error) {
            return false  // the lock we meant to replace is gone: start over
        }
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
