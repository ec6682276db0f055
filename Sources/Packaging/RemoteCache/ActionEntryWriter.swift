// Writing action entries after an upload: the shared cache's only writer.
import AWSCore
import AWSServices
import Builds
import Foundation

/// Writes the action entry of every built artifact whose object is in the bucket.
///
/// One listing of the entry folder, then the missing entries in parallel (at most `concurrency`
/// at once), each with `If-None-Match: *` so an existing entry is never replaced. A failed write is
/// reported, not thrown: the deploy does not depend on the cache.
package struct ActionEntryWriter: Sendable {
    /// The S3 client.
    package let s3: S3
    /// The bucket and prefix.
    package let store: ArtifactStore
    /// When set, entries are signed with it (HMAC-SHA256).
    package let signingKey: Data?
    /// The most writes at once.
    package let concurrency: Int
    /// Server-side encryption of the entries (the artifacts').
    package let encryption: ServerSideEncryption

    /// A writer.
    package init(s3: S3, store: ArtifactStore, signingKey: Data? = nil, concurrency: Int = 8,
                encryption: ServerSideEncryption = .aes256) {
        self.encryption = encryption
        self.s3 = s3
        self.store = store
        self.signingKey = signingKey
        self.concurrency = max(1, concurrency)
    }

    /// The entries of `manifest`: one per build key of an artifact that was built (not prebuilt)
    /// and packaged (it has an S3 key), signed when there is a key. Each names the dependency trees
    /// its build used that are in the bucket (`trees`: tree key → SHA-256 of its zip).
    package static func entries(for manifest: BuildManifest, signingKey: Data?,
                                trees: [String: String] = [:]) -> [ActionEntry] {
        var seen: Set<String> = []
        var entries: [ActionEntry] = []
        for artifact in manifest.artifacts {
            guard let version = artifact.builderVersion, let zipKey = artifact.s3Key,
                  !artifact.buildKey.isEmpty, artifact.buildKey != artifact.zipSHA256,
                  seen.insert(artifact.buildKey).inserted else { continue }
            var used: [String: String] = [:]
            for tree in artifact.dependencyTrees ?? [] { used[tree] = trees[tree] }
            let entry = ActionEntry(buildKey: artifact.buildKey, zipSHA256: artifact.zipSHA256, size: artifact.size,
                                    unzippedSize: artifact.unzippedSize, entryCount: artifact.entryCount ?? 0,
                                    zipKey: zipKey, builder: artifact.builder, builderVersion: version,
                                    dependencyTrees: used)
            entries.append(signingKey.map { entry.signed(with: $0) } ?? entry)
        }
        return entries
    }

    /// Writes the entries of `manifest` that are not in the bucket yet (`trees`: the shared
    /// dependency trees, see `entries`).
    package func write(_ manifest: BuildManifest, trees: [String: String] = [:]) async -> RemoteCacheWrittenEvent {
        let all = Self.entries(for: manifest, signingKey: signingKey, trees: trees)
        guard !all.isEmpty else { return RemoteCacheWrittenEvent(written: 0, alreadyPresent: 0, failed: []) }
        let listed = (try? await s3.listObjectsV2(bucket: store.bucket, prefix: store.key(ActionEntry.folder + "/")))
            .map { Set($0.map(\.key)) } ?? []
        let missing = all.filter { !listed.contains(ActionEntry.objectKey(buildKey: $0.buildKey, store: store)) }
        var written = 0, present = all.count - missing.count
        var failed: [String] = []
        await withTaskGroup(of: (String, Result<Bool, any Error>).self) { group in
            var next = 0
            func add() {
                let entry = missing[next]
                next += 1
                group.addTask { (entry.buildKey, await self.put(entry)) }
            }
            while next < missing.count && next < concurrency { add() }
            while let (key, result) = await group.next() {
                switch result {
                case .success(true): written += 1
                case .success(false): present += 1
                case .failure(let error): failed.append("\(key.prefix(12)): \(error)")
                }
                if next < missing.count { add() }
            }
        }
        return RemoteCacheWrittenEvent(written: written, alreadyPresent: present, failed: failed.sorted())
    }

    /// Puts one entry only if absent; false when one was already there.
    private func put(_ entry: ActionEntry) async -> Result<Bool, any Error> {
        do {
            let options = PutObjectOptions(contentType: "application/json", serverSideEncryption: encryption,
                                           onlyIfAbsent: true)
            let result = try await s3.putObject(bucket: store.bucket,
                                                key: ActionEntry.objectKey(buildKey: entry.buildKey, store: store),
                                                body: .data(try entry.encoded()), options: options)
            if case .written = result { return .success(true) }
            return .success(false)
        } catch {
            return .failure(error)
        }
    }
}
