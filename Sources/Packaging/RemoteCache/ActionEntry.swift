// `<prefix>/.ferry/cache/<build key>.json`: what a build produced, shared through the artifact bucket.
import Crypto
import Foundation

/// The action entry of one build in the artifact bucket: which artifact a build key produced.
///
/// Entries are written once (`If-None-Match: *`) after the artifact is in the bucket, and never
/// overwritten. With a signing key (`FERRY_CACHE_HMAC_KEY`) `signature` is the hex HMAC-SHA256 of
/// `signedText()`; a reader with a key uses only entries whose signature matches.
package struct ActionEntry: Sendable, Hashable, Codable {
    /// The entry format's version.
    package var formatVersion: Int
    /// The build key (hex); the entry's name.
    package var buildKey: String
    /// SHA-256 of the zip (hex); the artifact object is named by it.
    package var zipSHA256: String
    /// Zip size in bytes.
    package var size: UInt64
    /// Sum of the entries' uncompressed sizes.
    package var unzippedSize: UInt64
    /// Number of entries in the zip.
    package var entryCount: Int
    /// The artifact's object key (`<prefix>/<zipSHA256>.zip`).
    package var zipKey: String
    /// The builder's name (`python-pip`).
    package var builder: String
    /// The builder's version.
    package var builderVersion: String
    /// The dependency trees the build used: tree key (`.ferry/deps/<key>` on the machine that
    /// installed it) → SHA-256 of its zip in the bucket (see `DependencyTreeEntry`); empty for
    /// builders without trees.
    package var dependencyTrees: [String: String]
    /// Hex HMAC-SHA256 of `signedText()`, when the writer had a signing key.
    package var signature: String?

    /// An unsigned entry.
    package init(buildKey: String, zipSHA256: String, size: UInt64, unzippedSize: UInt64, entryCount: Int,
                zipKey: String, builder: String, builderVersion: String, dependencyTrees: [String: String] = [:]) {
        self.formatVersion = 1
        self.buildKey = buildKey
        self.zipSHA256 = zipSHA256
        self.size = size
        self.unzippedSize = unzippedSize
        self.entryCount = entryCount
        self.zipKey = zipKey
        self.builder = builder
        self.builderVersion = builderVersion
        self.dependencyTrees = dependencyTrees
        self.signature = nil
    }

    /// The object key of the entry for `buildKey` under `prefix` (`<prefix>/.ferry/cache/<key>.json`).
    package static func objectKey(buildKey: String, store: ArtifactStore) -> String {
        store.key("\(folder)/\(buildKey).json")
    }

    /// The folder of entries under the prefix.
    package static let folder = ".ferry/cache"

    /// The build key named by an entry's object key, or nil when `key` is not an entry.
    package static func buildKey(ofObjectKey key: String, store: ArtifactStore) -> String? {
        let start = store.key(folder + "/")
        guard key.hasPrefix(start), key.hasSuffix(".json") else { return nil }
        let name = String(key.dropFirst(start.count).dropLast(5))
        guard name.count == 64, name.allSatisfy(\.isHexDigit) else { return nil }
        return name
    }

    /// The fields the signature covers, one per line, in a fixed order.
    package func signedText() -> String {
        let trees = dependencyTrees.keys.sorted().map { "tree \($0)=\(dependencyTrees[$0] ?? "")" }
        return (["ferry-action-entry \(formatVersion)", "key \(buildKey)", "sha256 \(zipSHA256)", "size \(size)",
                 "unzipped \(unzippedSize)", "entries \(entryCount)", "object \(zipKey)",
                 "builder \(builder) \(builderVersion)"] + trees).joined(separator: "\n")
    }

    /// This entry signed with `key`.
    package func signed(with key: Data) -> ActionEntry {
        var copy = self
        copy.signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(signedText().utf8), using: SymmetricKey(data: key)))
        return copy
    }

    /// Whether `signature` is the HMAC of this entry with `key` (compared in constant time).
    package func hasValidSignature(_ key: Data) -> Bool {
        guard let signature, let bytes = Self.bytes(hex: signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Data(signedText().utf8),
                                                           using: SymmetricKey(data: key))
    }

    /// JSON with sorted keys.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// An entry read back, or nil when the bytes are not one.
    package static func decode(_ data: Data) -> ActionEntry? {
        try? JSONDecoder().decode(ActionEntry.self, from: data)
    }

    /// The signing key from `FERRY_CACHE_HMAC_KEY` in `environment`, or nil when it is unset or empty.
    package static func signingKey(environment: [String: String]) -> Data? {
        guard let text = environment[signingKeyVariable], !text.isEmpty else { return nil }
        return Data(text.utf8)
    }

    /// The environment variable holding the signing key.
    package static let signingKeyVariable = "FERRY_CACHE_HMAC_KEY"

    private static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// The bytes `hex` spells (two digits each), or nil when it is not hex of an even length.
    static func bytes(hex: String) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }
}
