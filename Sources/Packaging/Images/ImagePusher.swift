// Pushes a built image to ECR: missing blobs only, the manifest last.
import AWSServices
import Builds
import Foundation

/// What a push did: the manifest digest, the blobs uploaded and those the registry already had.
package struct ImagePushReport: Sendable, Hashable {
    /// `sha256:<hex>` of the manifest.
    package var manifestDigest: String
    /// The repository name (`team/app`).
    package var repository: String
    /// `repositoryUri@digest`, what a packaged template's `ImageUri` pins.
    package var imageURI: String
    /// Blobs uploaded by this push.
    package var uploaded: [String]
    /// Blobs the repository already had.
    package var alreadyPresent: [String]
    /// Whether the repository was created by this push.
    package var createdRepository: Bool
}

/// Pushes images from the blob store: creates the repository when missing, `HEAD`s every blob
/// (at most four at a time) and uploads only the missing ones, then puts the manifest. Requests
/// are never cancelled half-way (a cancelled URLSession task may never return on Linux): every
/// request of a step finishes before its first error is thrown.
package enum ImagePusher {
    /// Pushes `manifestDigest` (with `blobs`, all in `store`) to `repository`, tagged `tag` when given.
    package static func push(
        manifestDigest: String, blobs: [String], store: BlobStore, repository: String, tag: String?,
        ecr: ECR
    ) async throws -> ImagePushReport {
        var created = false
        let described: ECRRepository
        if let existing = try await ecr.repository(named: repository) {
            described = existing
        } else {
            described = try await ecr.createRepository(named: repository)
            created = true
        }
        let registry = RegistryClient(try await ecr.authorization())
        let checks = await withTaskGroup(of: (String, Result<Bool, any Error>).self) { group in
            var results: [String: Result<Bool, any Error>] = [:]
            var pending = blobs.makeIterator()
            func start(_ digest: String) {
                group.addTask {
                    do { return (digest, .success(try await registry.hasBlob(repository: repository, digest: digest))) } catch {
                        return (digest, .failure(error))
                    }
                }
            }
            for _ in 0..<4 { if let digest = pending.next() { start(digest) } }
            while let (digest, result) = await group.next() {
                results[digest] = result
                if let next = pending.next() { start(next) }
            }
            return results
        }
        var missing: [String] = []
        for digest in blobs {
            if try checks[digest]?.get() == false { missing.append(digest) }
        }
        // Every upload finishes before an error is thrown: a cancelled URLSession upload may never
        // return on Linux, so failures are collected instead of cancelling the others.
        var uploads: [(digest: String, path: String, size: UInt64)] = []
        for digest in missing {
            let path = store.path(digest)
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value else {
                throw ImagePushError.missingBlob(digest: digest, path: path)
            }
            uploads.append((digest, path, size))
        }
        let failures = await withTaskGroup(of: (any Error)?.self) { group in
            var pending = uploads.makeIterator()
            var failures: [any Error] = []
            func start(_ upload: (digest: String, path: String, size: UInt64)) {
                group.addTask {
                    do {
                        try await registry.uploadBlob(repository: repository, digest: upload.digest, path: upload.path, size: upload.size)
                        return nil
                    } catch { return error }
                }
            }
            for _ in 0..<4 { if let upload = pending.next() { start(upload) } }
            while let result = await group.next() {
                if let result { failures.append(result) }
                if let upload = pending.next() { start(upload) }
            }
            return failures
        }
        if let failure = failures.first { throw failure }
        let manifest = try store.read(manifestDigest)
        let mediaType = (try? JSONValue.parse(manifest, what: "manifest"))?["mediaType"]?.string ?? "application/vnd.oci.image.manifest.v1+json"
        try await registry.putManifest(repository: repository, reference: tag ?? manifestDigest, bytes: Data(manifest), mediaType: mediaType)
        return ImagePushReport(
            manifestDigest: manifestDigest, repository: repository, imageURI: "\(described.repositoryUri)@\(manifestDigest)",
            uploaded: missing, alreadyPresent: blobs.filter { !missing.contains($0) }, createdRepository: created)
    }

    /// The repository name of a configured repository: `<registry host>/<name>` or just `<name>`.
    package static func repositoryName(_ configured: String) -> String {
        let parts = configured.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" else { return configured }
        return String(parts[1])
    }
}

/// A push that cannot start: says which blob is missing locally and what to do.
package struct ImagePushError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable { case missingBlob(digest: String, path: String) }
    private let kind: Kind

    static func missingBlob(digest: String, path: String) -> ImagePushError { ImagePushError(kind: .missingBlob(digest: digest, path: path)) }

    /// A human-readable message.
    package var description: String {
        switch kind {
        case let .missingBlob(digest, path):
            return "The blob \(digest) is not in the local blob cache ('\(path)'); build the image again (ferry build)."
        }
    }
}
