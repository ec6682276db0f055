import Foundation
import Templates

/// The build manifest `ferry build` writes (`.ferry/build/manifest.json`), read for the fields
/// hot-swap and verification need. The format is the build engine's `BuildManifest` (format 1):
/// `{"formatVersion": 1, "artifacts": [{"logicalID", "stackPath", "resourceType", "kind",
/// "zipSHA256", "codeSha256", "size", "zipPath", "s3Key"}, ...]}`; other fields are ignored.
public struct LocalBuildState: Sendable, Decodable, Equatable {
    /// One built artifact used by one resource.
    public struct Artifact: Sendable, Decodable, Equatable {
        /// The resource's logical ID.
        public var logicalID: String
        /// The stack path (`Root/Pattern2Stack`).
        public var stackPath: String
        /// The resource type.
        public var resourceType: String
        /// `function` or `layer`.
        public var kind: String?
        /// SHA-256 of the zip, hex.
        public var zipSHA256: String?
        /// SHA-256 of the zip, base64 (Lambda's `CodeSha256`).
        public var codeSha256: String
        /// Zip size in bytes.
        public var size: UInt64?
        /// The zip on disk.
        public var zipPath: String
        /// The S3 key once packaged.
        public var s3Key: String?

        /// An artifact.
        public init(logicalID: String, stackPath: String, resourceType: String, kind: String? = "function",
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
        public var isFunction: Bool {
            kind == "function" || (kind == nil && ["AWS::Lambda::Function", "AWS::Serverless::Function"].contains(resourceType))
        }
    }

    /// The manifest format's version.
    public var formatVersion: Int?
    /// The artifacts.
    public var artifacts: [Artifact]

    /// A state from artifacts.
    public init(artifacts: [Artifact]) {
        formatVersion = 1
        self.artifacts = artifacts
    }

    /// `<projectRoot>/.ferry/build/manifest.json`.
    public static func location(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".ferry/build/manifest.json")
    }

    /// Reads the manifest of the project at `projectRoot`.
    /// - Throws: `HotswapError.unreadableManifest` when it is missing or not a manifest.
    public static func load(projectRoot: URL) throws -> LocalBuildState {
        let url = location(projectRoot: projectRoot)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw HotswapError.unreadableManifest(path: url.path, reason: "the file does not exist")
        }
        do {
            return try JSONDecoder().decode(LocalBuildState.self, from: data)
        } catch {
            throw HotswapError.unreadableManifest(path: url.path, reason: "it is not a build manifest (\(error))")
        }
    }

    /// A hot-swap target per function artifact; `artifactBucket` locates packaged zips (`s3Key`).
    public func functionTargets(artifactBucket: String?) -> [HotswapTarget] {
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
