// The JSON record stored beside each cached artifact.
import Foundation

/// What the cache remembers about one build: its key and its artifact's hash and sizes.
package struct BuildRecord: Sendable, Hashable, Codable {
    /// The build key the artifact was built for.
    package var buildKey: BuildKey
    /// SHA-256 of the zip bytes (hex in JSON).
    package var zipSHA256: SHA256Digest
    /// Size of the zip in bytes.
    package var size: UInt64
    /// Sum of the entries' uncompressed sizes.
    package var unzippedSize: UInt64
    /// Number of entries in the zip.
    package var entryCount: Int
    /// When the artifact was stored.
    package var created: Date
    /// The keys of the dependency trees the build used (nil when none, and in older records).
    package var dependencyTrees: [String]?

    /// A record.
    package init(buildKey: BuildKey, zipSHA256: SHA256Digest, size: UInt64, unzippedSize: UInt64,
                entryCount: Int, created: Date) {
        self.buildKey = buildKey
        self.zipSHA256 = zipSHA256
        self.size = size
        self.unzippedSize = unzippedSize
        self.entryCount = entryCount
        self.created = created
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
