import Foundation

/// Why packaging could not go on: what went wrong, where, and what to do.
package struct PackagingError: Error, Sendable, Equatable, CustomStringConvertible {
    fileprivate enum Code: Sendable, Equatable {
        case notBuilt(stackPath: String, logicalID: String, source: String)
        case builtZipMissing(qualifiedName: String, zipPath: String)
        case staleBuild(qualifiedName: String, zipPath: String, expectedSize: UInt64, actualSize: UInt64)
        case manifestMissing(path: String)
        case manifestUnreadable(path: String, reason: String)
        case unreadableArtifact(path: String, property: String, reason: String)
        case notWritable(stackPath: String, path: [String])
        case bucketNotConfigured
        case bucketMissing(bucket: String)
        case bucketForbidden(bucket: String)
        case bucketInOtherRegion(bucket: String, bucketRegion: String, region: String)
        case uploadFailed(key: String, source: String, reason: String)
        case remoteArtifactGone(key: String, origin: String)
    }

    fileprivate let code: Code

    fileprivate init(_ code: Code) { self.code = code }

    /// A function or layer whose code is a local folder has no entry in the build manifest.
    package static func notBuilt(stackPath: String, logicalID: String, source: String) -> PackagingError {
        PackagingError(.notBuilt(stackPath: stackPath, logicalID: logicalID, source: source))
    }

    /// The manifest names a zip that is no longer on disk.
    package static func builtZipMissing(qualifiedName: String, zipPath: String) -> PackagingError {
        PackagingError(.builtZipMissing(qualifiedName: qualifiedName, zipPath: zipPath))
    }

    /// The zip on disk is not the one the manifest describes.
    package static func staleBuild(qualifiedName: String, zipPath: String, expectedSize: UInt64,
                                  actualSize: UInt64) -> PackagingError {
        PackagingError(.staleBuild(qualifiedName: qualifiedName, zipPath: zipPath, expectedSize: expectedSize,
                                   actualSize: actualSize))
    }

    /// `.ferry/build/manifest.json` does not exist.
    package static func manifestMissing(path: String) -> PackagingError { PackagingError(.manifestMissing(path: path)) }

    /// `.ferry/build/manifest.json` cannot be read.
    package static func manifestUnreadable(path: String, reason: String) -> PackagingError {
        PackagingError(.manifestUnreadable(path: path, reason: reason))
    }

    /// A local artifact could not be read, hashed or zipped.
    package static func unreadableArtifact(path: String, property: String, reason: String) -> PackagingError {
        PackagingError(.unreadableArtifact(path: path, property: property, reason: reason))
    }

    /// The S3 location could not be written at `path` of the stack's template.
    package static func notWritable(stackPath: String, path: [String]) -> PackagingError {
        PackagingError(.notWritable(stackPath: stackPath, path: path))
    }

    /// The remote build cache named an object that is no longer in the bucket.
    package static func remoteArtifactGone(key: String, origin: String) -> PackagingError {
        PackagingError(.remoteArtifactGone(key: key, origin: origin))
    }

    /// No artifact bucket is configured.
    package static let bucketNotConfigured = PackagingError(.bucketNotConfigured)

    /// The bucket does not exist.
    package static func bucketMissing(_ bucket: String) -> PackagingError { PackagingError(.bucketMissing(bucket: bucket)) }

    /// The bucket exists but these credentials may not use it (another account's).
    package static func bucketForbidden(_ bucket: String) -> PackagingError { PackagingError(.bucketForbidden(bucket: bucket)) }

    /// The bucket lives in another region.
    package static func bucketInOtherRegion(_ bucket: String, bucketRegion: String, region: String) -> PackagingError {
        PackagingError(.bucketInOtherRegion(bucket: bucket, bucketRegion: bucketRegion, region: region))
    }

    /// An upload failed.
    package static func uploadFailed(key: String, source: String, reason: String) -> PackagingError {
        PackagingError(.uploadFailed(key: key, source: source, reason: reason))
    }

    /// True when running `ferry build` would fix this.
    package var needsBuild: Bool {
        switch code {
        case .notBuilt, .builtZipMissing, .staleBuild, .manifestMissing, .manifestUnreadable: return true
        default: return false
        }
    }

    /// What went wrong, where, and what to do.
    package var description: String {
        switch code {
        case let .notBuilt(stackPath, logicalID, source):
            return "\(stackPath)/\(logicalID) has not been built (its code is the folder \(source)): run `ferry build` first"
        case let .builtZipMissing(name, zipPath):
            return "the build of \(name) is gone (\(zipPath) does not exist): run `ferry build` first"
        case let .staleBuild(name, zipPath, expected, actual):
            return "the build of \(name) changed since the manifest was written (\(zipPath) is \(actual) bytes, "
                + "the manifest says \(expected)): run `ferry build` again"
        case let .manifestMissing(path):
            return "no build manifest at \(path): run `ferry build` first"
        case let .manifestUnreadable(path, reason):
            return "the build manifest \(path) cannot be read (\(reason)): run `ferry build` again"
        case let .unreadableArtifact(path, property, reason):
            return "cannot package \(path) (named by \(property)): \(reason); check that the path exists and is readable"
        case let .notWritable(stackPath, path):
            return "cannot write the S3 location at \(path.joined(separator: ".")) in stack \(stackPath): "
                + "the template has no map there; check the property's shape"
        case .bucketNotConfigured:
            return "no artifact bucket is configured: set `bucket` under [artifacts] in ferry.toml"
        case let .bucketMissing(bucket):
            return "the artifact bucket \(bucket) does not exist: run `ferry package --create-bucket` to create it "
                + "(versioned, encrypted, public access blocked, TLS only)"
        case let .bucketForbidden(bucket):
            return "the artifact bucket \(bucket) exists but these credentials may not use it "
                + "(it probably belongs to another account): choose another name under [artifacts] in ferry.toml"
        case let .bucketInOtherRegion(bucket, bucketRegion, region):
            return "the artifact bucket \(bucket) is in \(bucketRegion), not \(region): CloudFormation needs a bucket "
                + "in the stack's region; use a bucket name with {region} in it"
        case let .uploadFailed(key, source, reason):
            return "uploading \(source) to \(key) failed: \(reason)"
        case let .remoteArtifactGone(key, origin):
            return "the remote build cache gave \(origin) as the object \(key), which is no longer in the bucket: "
                + "run `ferry build --no-remote-cache` to build it here"
        }
    }
}
