// Reading action entries from the artifact bucket: the engine's shared cache.
import AWSCore
import AWSServices
import Builds
import Crypto
import Foundation
import Reporting
import Synchronization

/// The shared build cache in the artifact bucket (`<prefix>/.ferry/cache/<build key>.json`).
///
/// The first lookup lists the entry folder once (one paginated request, shared by every build of
/// the run); each listed key is then read with one GET, and its artifact checked with a HEAD
/// (`x-amz-checksum-mode: ENABLED`), or downloaded with a GET when `needsBytes`. An entry is used only when
/// - it parses, names the key asked for, and was made by the same builder name and version;
/// - its artifact's key is `<prefix>/<zipSHA256>.zip` (the object is named by its hash);
/// - the artifact exists with the entry's size, and its bytes hash to that name: S3's own SHA-256 of
///   the object (`x-amz-checksum-sha256`, which S3 checked when the object was written) on a HEAD;
///   when the object has none (an older Ferry, a multipart upload, a write from elsewhere) or the
///   bytes are needed, the object is downloaded and hashed here;
/// - with a signing key, its HMAC-SHA256 signature is valid.
/// Anything else is a miss (a `RemoteCacheRejectedEvent` says why), never an error.
package final class RemoteBuildCache: RemoteBuildLookup {
    /// The S3 client.
    package let s3: S3
    /// The bucket and prefix.
    package let store: ArtifactStore
    /// Whether hits are downloaded into the local cache (something local needs the zip).
    package let needsBytes: Bool
    /// When set, only entries signed with this key are used.
    package let signingKey: Data?
    /// Where rejections are reported.
    package let sink: any EventSink
    private let listing = Mutex<Task<Set<String>?, Never>?>(nil)

    /// A remote cache in `store`.
    package init(s3: S3, store: ArtifactStore, needsBytes: Bool, signingKey: Data? = nil,
                sink: any EventSink = NullEventSink()) {
        self.s3 = s3
        self.store = store
        self.needsBytes = needsBytes
        self.signingKey = signingKey
        self.sink = sink
    }

    /// See `RemoteBuildLookup`.
    package func find(_ key: BuildKey, builder: String, builderVersion: String, cache: BuildCache) async -> RemoteBuildHit? {
        if let listed = await listedKeys(), !listed.contains(key.hex) { return nil }
        let entryKey = ActionEntry.objectKey(buildKey: key.hex, store: store)
        guard let content = try? await s3.getObject(bucket: store.bucket, key: entryKey) else { return nil }
        guard let entry = ActionEntry.decode(content.body) else { return reject(key, "it is not a valid entry") }
        if let problem = problem(with: entry, key: key, builder: builder, builderVersion: builderVersion) {
            return reject(key, problem)
        }
        guard let digest = Builds.SHA256Digest(hex: entry.zipSHA256) else { return reject(key, "its SHA-256 is not hex") }
        let location = store.s3URI(key: entryKey)
        if needsBytes {
            return await download(entry, digest: digest, key: key, cache: cache, location: location)
        }
        guard let head = try? await s3.headObject(bucket: store.bucket, key: entry.zipKey, checksumMode: true) else {
            return reject(key, "its artifact \(entry.zipKey) does not exist")
        }
        guard let length = head.contentLength, UInt64(length) == entry.size else {
            return reject(key, "its artifact \(entry.zipKey) is not \(entry.size) bytes")
        }
        switch Self.checksumVerdict(head.checksumSHA256, expectedHex: entry.zipSHA256) {
        case .matches: break
        case .differs: return reject(key, "its artifact \(entry.zipKey) does not hash to its name (S3's checksum)")
        case .unknown:
            // No whole-object SHA-256 kept by S3 (uploaded by an older Ferry, in parts, or out of
            // band): the bytes are downloaded and hashed instead.
            return await download(entry, digest: digest, key: key, cache: cache, location: location)
        }
        let archive = ZipArchive(path: "", sha256: digest, size: entry.size, unzippedSize: entry.unzippedSize,
                                 entryCount: entry.entryCount)
        var hit = RemoteBuildHit(archive: archive, objectKey: entry.zipKey, entryLocation: location)
        hit.dependencyTrees = entry.dependencyTrees.keys.sorted()
        return hit
    }

    /// What S3's stored checksum says about an object named by `expectedHex`.
    enum ChecksumVerdict: Equatable {
        /// S3's SHA-256 of the bytes is the name's.
        case matches
        /// S3's SHA-256 of the bytes is another.
        case differs
        /// No whole-object SHA-256 (none kept, or a multipart upload's `…-N` checksum of parts).
        case unknown
    }

    /// Compares `x-amz-checksum-sha256` (base64) with the hex SHA-256 an object is named by.
    static func checksumVerdict(_ checksum: String?, expectedHex: String) -> ChecksumVerdict {
        guard let checksum, !checksum.contains("-") else { return .unknown }
        guard let expected = S3.base64SHA256(hex: expectedHex) else { return .differs }
        return checksum == expected ? .matches : .differs
    }

    /// Why `entry` cannot be used for `key`, or nil.
    func problem(with entry: ActionEntry, key: BuildKey, builder: String, builderVersion: String) -> String? {
        if entry.buildKey != key.hex { return "it is for key \(entry.buildKey)" }
        if entry.builder != builder || entry.builderVersion != builderVersion {
            return "it was made by \(entry.builder) \(entry.builderVersion), not \(builder) \(builderVersion)"
        }
        if entry.zipKey != store.key("\(entry.zipSHA256).zip") {
            return "its artifact \(entry.zipKey) is not named by its SHA-256"
        }
        if let signingKey {
            if entry.signature == nil { return "it is not signed (\(ActionEntry.signingKeyVariable) is set)" }
            if !entry.hasValidSignature(signingKey) { return "its signature does not match" }
        }
        return nil
    }

    /// Downloads the artifact, checks its size and SHA-256, and stores it in the local cache.
    private func download(_ entry: ActionEntry, digest: Builds.SHA256Digest, key: BuildKey, cache: BuildCache,
                          location: String) async -> RemoteBuildHit? {
        guard let object = try? await s3.getObject(bucket: store.bucket, key: entry.zipKey) else {
            return reject(key, "its artifact \(entry.zipKey) does not exist")
        }
        guard UInt64(object.body.count) == entry.size,
              Builds.SHA256Digest(bytes: Array(SHA256.hash(data: object.body))) == digest else {
            return reject(key, "its artifact \(entry.zipKey) does not hash to its name")
        }
        do {
            try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
            let temporary = cache.zipPath(for: key) + ".download-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: temporary) }
            try object.body.write(to: URL(fileURLWithPath: temporary))
            let archive = ZipArchive(path: temporary, sha256: digest, size: entry.size,
                                     unzippedSize: entry.unzippedSize, entryCount: entry.entryCount)
            let trees = entry.dependencyTrees.keys.sorted()
            let stored = try cache.store(archive, for: key, dependencyTrees: trees)
            var hit = RemoteBuildHit(archive: stored.archive, objectKey: entry.zipKey, entryLocation: location)
            hit.dependencyTrees = trees
            return hit
        } catch {
            return reject(key, "its artifact could not be stored in the local cache: \(error)")
        }
    }

    private func reject(_ key: BuildKey, _ reason: String) -> RemoteBuildHit? {
        sink.emit(RemoteCacheRejectedEvent(buildKey: key.hex, reason: reason))
        return nil
    }

    /// The build keys with an entry, listed once per run; nil when listing is not allowed (each
    /// key is then read directly).
    private func listedKeys() async -> Set<String>? {
        let task = listing.withLock { current -> Task<Set<String>?, Never> in
            if let current { return current }
            let s3 = self.s3, store = self.store
            let started = Task { () -> Set<String>? in
                do {
                    let objects = try await s3.listObjectsV2(bucket: store.bucket, prefix: store.key(ActionEntry.folder + "/"))
                    return Set(objects.compactMap { ActionEntry.buildKey(ofObjectKey: $0.key, store: store) })
                } catch let error as AWSError where error.statusCode == 403 {
                    return nil  // listing not allowed: read each key directly
                } catch {
                    return []  // no bucket yet, or unreachable: nothing to find
                }
            }
            current = started
            return started
        }
        return await task.value
    }
}
