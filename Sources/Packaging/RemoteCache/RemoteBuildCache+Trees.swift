// Reading shared dependency trees from the artifact bucket.
import AWSServices
import Builds
import Crypto
import Foundation

extension RemoteBuildCache: RemoteDependencyTrees {
    /// See `RemoteDependencyTrees`: the tree's `DependencyTreeEntry` is read with one GET (a
    /// missing one is a silent miss), checked (key, zip named by its SHA-256, signature with a
    /// signing key), then the zip is downloaded and its size and SHA-256 checked.
    package func fetchTree(key: String, into folder: String) async -> String? {
        guard DependencyTreeEntry.isHexKey(key) else { return nil }
        let entryKey = DependencyTreeEntry.objectKey(treeKey: key, store: store)
        guard let content = try? await s3.getObject(bucket: store.bucket, key: entryKey) else { return nil }
        guard let entry = DependencyTreeEntry.decode(content.body) else { return rejectTree(key, "it is not a valid entry") }
        if let problem = entry.problem(forKey: key, store: store, signingKey: signingKey) { return rejectTree(key, problem) }
        guard let object = try? await s3.getObject(bucket: store.bucket, key: entry.zipKey) else {
            return rejectTree(key, "its zip \(entry.zipKey) does not exist")
        }
        let digest = SHA256.hash(data: object.body).map { String(format: "%02x", $0) }.joined()
        guard UInt64(object.body.count) == entry.size, digest == entry.zipSHA256.lowercased() else {
            return rejectTree(key, "its zip \(entry.zipKey) does not hash to its name")
        }
        let path = (folder as NSString).appendingPathComponent("\(digest).zip")
        guard (try? object.body.write(to: URL(fileURLWithPath: path))) != nil else { return nil }
        return path
    }

    private func rejectTree(_ key: String, _ reason: String) -> String? {
        sink.emit(RemoteCacheRejectedEvent(buildKey: key, reason: "dependency tree: " + reason))
        return nil
    }
}
