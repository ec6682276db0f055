// `.ferry/build/manifest.json`: what was built, for packaging, planning and verification.
import Foundation

/// The result of `ferry build` as a file: one entry per function or layer (resources sharing a
/// build each get an entry with the same artifact), plus the plain files the packager uploads.
///
/// Written as JSON with sorted keys and entries sorted by stack path then logical ID, so equal
/// builds give byte-equal manifests; written to a temporary file and renamed into place.
package struct BuildManifest: Sendable, Codable, Equatable {
    /// One built (or cached, or prebuilt) artifact used by one resource.
    package struct Artifact: Sendable, Codable, Equatable {
        /// The resource's logical ID.
        package var logicalID: String
        /// The stack path (`Root/Pattern2Stack/ReportingStack`).
        package var stackPath: String
        /// The resource type.
        package var resourceType: String
        /// `function` or `layer`.
        package var kind: String
        /// The builder's name.
        package var builder: String
        /// The build key (hex).
        package var buildKey: String
        /// SHA-256 of the zip (hex): the content address.
        package var zipSHA256: String
        /// SHA-256 of the zip in base64: what Lambda reports as `CodeSha256`.
        package var codeSha256: String
        /// Zip size in bytes.
        package var size: UInt64
        /// Sum of the entries' uncompressed sizes.
        package var unzippedSize: UInt64
        /// The zip on disk (in the build cache, or the prebuilt file); empty when the remote cache
        /// provided the build without its bytes (then `s3Key` names the object).
        package var zipPath: String
        /// The source folder (or prebuilt zip).
        package var sourcePath: String
        /// The S3 key once packaged; nil until then.
        package var s3Key: String?
        /// The builder's version (for the remote cache's action entries); nil in older manifests.
        package var builderVersion: String?
        /// Number of entries in the zip; nil in older manifests.
        package var entryCount: Int?
        /// The keys of the dependency trees the build used (`.ferry/deps/<key>`); nil when none.
        package var dependencyTrees: [String]?

        /// An entry.
        package init(logicalID: String, stackPath: String, resourceType: String, kind: String, builder: String,
                    buildKey: String, zipSHA256: String, codeSha256: String, size: UInt64, unzippedSize: UInt64,
                    zipPath: String, sourcePath: String, s3Key: String? = nil, builderVersion: String? = nil,
                    entryCount: Int? = nil) {
            self.logicalID = logicalID
            self.stackPath = stackPath
            self.resourceType = resourceType
            self.kind = kind
            self.builder = builder
            self.buildKey = buildKey
            self.zipSHA256 = zipSHA256
            self.codeSha256 = codeSha256
            self.size = size
            self.unzippedSize = unzippedSize
            self.zipPath = zipPath
            self.sourcePath = sourcePath
            self.s3Key = s3Key
            self.builderVersion = builderVersion
            self.entryCount = entryCount
        }

        /// Writes `s3Key` as `null` until packaged, so the field is always present.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(logicalID, forKey: .logicalID)
            try container.encode(stackPath, forKey: .stackPath)
            try container.encode(resourceType, forKey: .resourceType)
            try container.encode(kind, forKey: .kind)
            try container.encode(builder, forKey: .builder)
            try container.encode(buildKey, forKey: .buildKey)
            try container.encode(zipSHA256, forKey: .zipSHA256)
            try container.encode(codeSha256, forKey: .codeSha256)
            try container.encode(size, forKey: .size)
            try container.encode(unzippedSize, forKey: .unzippedSize)
            try container.encode(zipPath, forKey: .zipPath)
            try container.encode(sourcePath, forKey: .sourcePath)
            try container.encode(s3Key, forKey: .s3Key)
            try container.encodeIfPresent(builderVersion, forKey: .builderVersion)
            try container.encodeIfPresent(entryCount, forKey: .entryCount)
            try container.encodeIfPresent(dependencyTrees, forKey: .dependencyTrees)
        }

        private enum CodingKeys: String, CodingKey {
            case logicalID, stackPath, resourceType, kind, builder, buildKey, zipSHA256, codeSha256, size
            case unzippedSize, zipPath, sourcePath, s3Key, builderVersion, entryCount, dependencyTrees
        }

        /// `Root/Pattern2Stack/OCRFunction`.
        package var qualifiedName: String { "\(stackPath)/\(logicalID)" }
    }

    /// The manifest format's version.
    package var formatVersion: Int
    /// The artifacts, sorted by stack path then logical ID.
    package var artifacts: [Artifact]
    /// Plain files for the packager, in plan order.
    package var files: [PackagedFile]

    /// A manifest; artifacts are sorted.
    package init(artifacts: [Artifact], files: [PackagedFile] = []) {
        self.formatVersion = 1
        self.artifacts = artifacts.sorted { ($0.stackPath, $0.logicalID) < ($1.stackPath, $1.logicalID) }
        self.files = files
    }

    /// The manifest of the successful outcomes of `result`.
    package init(result: BuildResult) {
        var entries: [Artifact] = []
        for outcome in result.outcomes {
            guard let key = outcome.key, let archive = outcome.archive else { continue }
            for target in outcome.build.targets {
                var artifact = Artifact(
                    logicalID: target.logicalID, stackPath: target.stackPath, resourceType: target.resourceType,
                    kind: outcome.build.request.kind.rawValue, builder: outcome.build.builder.builderName,
                    buildKey: key.hex, zipSHA256: archive.sha256.hex, codeSha256: archive.sha256.base64,
                    size: archive.size, unzippedSize: archive.unzippedSize, zipPath: archive.path,
                    sourcePath: outcome.build.request.sourceFolder, s3Key: outcome.remoteObjectKey,
                    builderVersion: outcome.status == .prebuilt ? nil : outcome.build.builder.builderVersion,
                    entryCount: archive.entryCount)
                artifact.dependencyTrees = outcome.dependencyTrees.isEmpty ? nil : outcome.dependencyTrees
                entries.append(artifact)
            }
        }
        self.init(artifacts: entries, files: result.files)
    }

    /// The artifact of the resource `logicalID` in `stackPath`, if any.
    package func artifact(logicalID: String, stackPath: String) -> Artifact? {
        artifacts.first { $0.logicalID == logicalID && $0.stackPath == stackPath }
    }

    /// This manifest plus the entries of `previous` for resources it does not have (after building
    /// only some functions, the others keep their last build).
    package func merging(previous: BuildManifest) -> BuildManifest {
        let present = Set(artifacts.map(\.qualifiedName))
        let kept = previous.artifacts.filter { !present.contains($0.qualifiedName) }
        return BuildManifest(artifacts: artifacts + kept, files: files)
    }

    /// `<projectRoot>/.ferry/build/manifest.json`.
    package static func location(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".ferry/build/manifest.json")
    }

    /// The JSON bytes: sorted keys, pretty printed, no escaped slashes.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Writes the manifest to `url` atomically (temporary file, then rename), creating folders.
    package func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = POSIX.temporarySibling(of: url.path)
        do {
            try encoded().write(to: URL(fileURLWithPath: temporary))
            try POSIX.rename(temporary, to: url.path)
        } catch {
            POSIX.removeFile(temporary)
            throw error
        }
    }

    /// Reads a manifest written by `write(to:)`.
    package static func read(from url: URL) throws -> BuildManifest {
        try JSONDecoder().decode(BuildManifest.self, from: Data(contentsOf: url))
    }
}
