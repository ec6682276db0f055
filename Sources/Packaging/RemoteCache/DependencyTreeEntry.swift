// `<prefix>/.ferry/deps/<tree key>.json`: an installed dependency tree, shared through the artifact bucket.
import Crypto
import Foundation

/// Where the installed files of one dependency tree (`.ferry/deps/<key>` on the machine that
/// installed it) are in the artifact bucket: its entries zip, named by its SHA-256.
///
/// Written once (`If-None-Match: *`) after the zip is in the bucket, never overwritten; signed
/// like `ActionEntry` with `FERRY_CACHE_HMAC_KEY`. A reader uses the zip only when the entry names
/// the key asked for, its zip is `<prefix>/.ferry/deps/<zipSHA256>.zip`, the bytes hash to that
/// name, and (with a key) the signature matches.
package struct DependencyTreeEntry: Sendable, Hashable, Codable {
    /// The entry format's version.
    package var formatVersion: Int
    /// The tree's key (hex): what decides the installed files (`PythonDependencyKey`).
    package var treeKey: String
    /// SHA-256 of the entries zip (hex).
    package var zipSHA256: String
    /// The zip's size in bytes.
    package var size: UInt64
    /// The zip's object key (`<prefix>/.ferry/deps/<zipSHA256>.zip`).
    package var zipKey: String
    /// Hex HMAC-SHA256 of `signedText()`, when the writer had a signing key.
    package var signature: String?

    /// An unsigned entry for the zip `zipSHA256` of `size` bytes in `store`.
    package init(treeKey: String, zipSHA256: String, size: UInt64, store: ArtifactStore) {
        self.formatVersion = 1
        self.treeKey = treeKey
        self.zipSHA256 = zipSHA256
        self.size = size
        self.zipKey = Self.zipKey(sha256: zipSHA256, store: store)
        self.signature = nil
    }

    /// The folder of trees under the prefix (`ferry gc` deletes the trees no kept cache entry names).
    package static let folder = ".ferry/deps"

    /// `<prefix>/.ferry/deps/<tree key>.json`.
    package static func objectKey(treeKey: String, store: ArtifactStore) -> String {
        store.key("\(folder)/\(treeKey).json")
    }

    /// `<prefix>/.ferry/deps/<sha256>.zip`.
    package static func zipKey(sha256: String, store: ArtifactStore) -> String {
        store.key("\(folder)/\(sha256).zip")
    }

    /// Whether `text` can name a tree or a zip (64 hex digits).
    package static func isHexKey(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy(\.isHexDigit)
    }

    /// The fields the signature covers, one per line, in a fixed order.
    package func signedText() -> String {
        ["ferry-dependency-tree \(formatVersion)", "key \(treeKey)", "sha256 \(zipSHA256)", "size \(size)",
         "object \(zipKey)"].joined(separator: "\n")
    }

    /// This entry signed with `key`.
    package func signed(with key: Data) -> DependencyTreeEntry {
        var copy = self
        let code = HMAC<SHA256>.authenticationCode(for: Data(signedText().utf8), using: SymmetricKey(data: key))
        copy.signature = code.map { String(format: "%02x", $0) }.joined()
        return copy
    }

    /// Whether `signature` is this entry's HMAC with `key` (compared in constant time).
    package func hasValidSignature(_ key: Data) -> Bool {
        guard let signature, signature.count == 64, let bytes = ActionEntry.bytes(hex: signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Data(signedText().utf8),
                                                           using: SymmetricKey(data: key))
    }

    /// Why this entry cannot be used for the tree `key` in `store`, or nil: it names another tree,
    /// its zip is not `<prefix>/.ferry/deps/<zipSHA256>.zip`, or (with `signingKey`) it is not signed
    /// with that key.
    package func problem(forKey key: String, store: ArtifactStore, signingKey: Data?) -> String? {
        if treeKey != key { return "it is for tree \(treeKey)" }
        guard Self.isHexKey(zipSHA256), zipKey == Self.zipKey(sha256: zipSHA256, store: store) else {
            return "its zip \(zipKey) is not named by its SHA-256"
        }
        if let signingKey {
            if signature == nil { return "it is not signed (\(ActionEntry.signingKeyVariable) is set)" }
            if !hasValidSignature(signingKey) { return "its signature does not match" }
        }
        return nil
    }

    /// JSON with sorted keys.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// An entry read back, or nil when the bytes are not one.
    package static func decode(_ data: Data) -> DependencyTreeEntry? {
        try? JSONDecoder().decode(DependencyTreeEntry.self, from: data)
    }
}
