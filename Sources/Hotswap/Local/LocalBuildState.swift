import Foundation
import Templates

/// The fields of the build manifest hot-swap and verification need. Pipeline reads the manifest
/// (one reader, `PackagePhase.readManifest`) and hands it over as this value; Hotswap knows no
/// file paths.
package struct LocalBuildState: Sendable, Equatable {
    /// One built artifact used by one resource.
    package struct Artifact: Sendable, Equatable {
        /// The resource's logical ID.
        package var logicalID: String
        /// The stack path (`Root/Pattern2Stack`).
        package var stackPath: String
        /// The resource type.
        package var resourceType: String
        /// `function` or `layer`.
        package var kind: String?
        /// SHA-256 of the zip, hex.
        package var zipSHA256: String?
        /// SHA-256 of the zip, base64 (Lambda's `CodeSha256`).
        package var codeSha256: String
        /// Zip size in bytes.
        package var size: UInt64?
        /// The zip on disk.
        package var zipPath: String
        /// The S3 key once packaged.
        package var s3Key: String?

        /// An artifact.
        package init(logicalID: String, stackPath: String, resourceType: String, kind: String? = "function",
                    zipSHA256: String? = nil, codeSha256: String, size: UInt64? = nil, zipPath: String, s3Key: String? = nil) {
            self.logicalID = logicalID
            self.stackPath = stackPath
            self.resourceType = resourceType
            self.kind = kind
            self.zipSHA256 = zipSHA256
            self.codeSha256 = codeSha256
            self.size = size
            self.zipPath = zipPath
            self.s3Key = s3Key
        }

        /// Whether this is a Lambda function's package (not a layer).
        package var isFunction: Bool {
            kind == "function" || (kind == nil && ["AWS::Lambda::Function", "AWS::Serverless::Function"].contains(resourceType))
        }
    }

    /// The artifacts.
    package var artifacts: [Artifact]

    /// A state from artifacts.
    package init(artifacts: [Artifact]) {
        self.artifacts = artifacts
    }

    /// A hot-swap target per function artifact; `artifactBucket` locates packaged zips (`s3Key`).
    package func functionTargets(artifactBucket: String?) -> [HotswapTarget] {
        artifacts.filter(\.isFunction).map { artifact in
            let s3 = zip(artifact.s3Key, artifactBucket).map { S3ObjectLocation(bucket: $1, key: $0) }
            return HotswapTarget(
                stackPath: artifact.stackPath, logicalID: LogicalID(artifact.logicalID), resourceType: artifact.resourceType,
                artifact: .zip(LocalZip(path: artifact.zipPath, codeSha256: artifact.codeSha256, size: artifact.size, s3: s3)))
        }
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
