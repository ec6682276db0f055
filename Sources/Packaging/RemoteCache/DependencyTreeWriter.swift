// Sharing the dependency trees of built artifacts through the artifact bucket.
import AWSCore
import AWSServices
import Builds
import Foundation

/// Puts the installed dependency trees the built artifacts used into the artifact bucket, once
/// each: the tree's entries zip (from the local store, `.ferry/deps/<key>/`) under its SHA-256
/// (`<prefix>/.ferry/deps/<sha256>.zip`, only if absent, with S3's checksum), then its
/// `DependencyTreeEntry` (`If-None-Match: *`). A tree already in the bucket is not uploaded again;
/// failures are reported, never thrown.
package struct DependencyTreeWriter: Sendable {
    /// What sharing did.
    package struct Result: Sendable, Equatable {
        /// Each tree in the bucket (shared now or before): tree key → SHA-256 of its zip.
        package var trees: [String: String] = [:]
        /// Trees uploaded by this run.
        package var uploaded = 0
        /// Trees that could not be shared, with why.
        package var failed: [String] = []
    }

    /// The S3 client.
    package let s3: S3
    /// The bucket and prefix.
    package let store: ArtifactStore
    /// When set, entries are signed with it.
    package let signingKey: Data?
    /// Server-side encryption of the objects.
    package let encryption: ServerSideEncryption
    /// The local trees (`<project>/.ferry/deps`).
    package let localTrees: DependencyTreeStore

    /// A writer reading trees from `<projectRoot>/.ferry/deps`.
    package init(s3: S3, store: ArtifactStore, projectRoot: URL, signingKey: Data?, encryption: ServerSideEncryption) {
        self.s3 = s3
        self.store = store
        self.signingKey = signingKey
        self.encryption = encryption
        self.localTrees = DependencyTreeStore(folder: projectRoot.appendingPathComponent(".ferry/deps").path)
    }

    /// The tree keys of the packaged artifacts of `manifest` (those whose entries can be written).
    package static func treeKeys(of manifest: BuildManifest) -> [String] {
        let keys = manifest.artifacts.filter { $0.s3Key != nil }.flatMap { $0.dependencyTrees ?? [] }
        return Set(keys).filter(DependencyTreeEntry.isHexKey).sorted()
    }

    /// Shares the trees of `manifest` that the bucket lacks.
    package func share(_ manifest: BuildManifest) async -> Result {
        let keys = Self.treeKeys(of: manifest)
        var result = Result()
        guard !keys.isEmpty else { return result }
        let listed = (try? await s3.listObjectsV2(bucket: store.bucket, prefix: store.key(DependencyTreeEntry.folder + "/")))
            .map { Set($0.map(\.key)) } ?? []
        for key in keys {
            do {
                if let sha = try await share(key, listed: listed, result: &result) { result.trees[key] = sha }
            } catch {
                result.failed.append("tree \(key.prefix(12)): \(error)")
            }
        }
        return result
    }

    /// The SHA-256 of the tree's zip in the bucket after sharing it, or nil when neither the bucket
    /// nor this machine has the tree.
    private func share(_ key: String, listed: Set<String>, result: inout Result) async throws -> String? {
        let entryKey = DependencyTreeEntry.objectKey(treeKey: key, store: store)
        if listed.contains(entryKey), let existing = try? await s3.getObject(bucket: store.bucket, key: entryKey),
           let entry = DependencyTreeEntry.decode(existing.body), entry.treeKey == key {
            return entry.zipSHA256
        }
        guard let local = localTrees.storedEntry(key: key) else { return nil }
        let digest = try FileHasher.sha256(ofFile: local.entriesZip)
        let size = (try FileManager.default.attributesOfItem(atPath: local.entriesZip)[.size] as? NSNumber)?.uint64Value ?? 0
        let zipKey = DependencyTreeEntry.zipKey(sha256: digest.hex, store: store)
        if !listed.contains(zipKey) {
            var options = PutObjectOptions(contentType: "application/zip", serverSideEncryption: encryption,
                                           onlyIfAbsent: true)
            options.sha256 = digest.hex
            _ = try await s3.upload(file: URL(fileURLWithPath: local.entriesZip), bucket: store.bucket, key: zipKey,
                                    options: options)
            result.uploaded += 1
        }
        let entry = DependencyTreeEntry(treeKey: key, zipSHA256: digest.hex, size: size, store: store)
        let signed = signingKey.map { entry.signed(with: $0) } ?? entry
        let options = PutObjectOptions(contentType: "application/json", serverSideEncryption: encryption, onlyIfAbsent: true)
        let written = try await s3.putObject(bucket: store.bucket, key: entryKey, body: .data(try signed.encoded()),
                                             options: options)
        if case .alreadyExists = written,
           let existing = try? await s3.getObject(bucket: store.bucket, key: entryKey),
           let other = DependencyTreeEntry.decode(existing.body), other.treeKey == key {
            return other.zipSHA256  // another machine wrote it meanwhile: its zip is the shared one
        }
        return digest.hex
    }
}
