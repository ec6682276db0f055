import Crypto
import Foundation

/// SHA-256 digests in the forms hot-swap compares and shows.
package enum ContentHash {
    /// base64(SHA-256 of `data`): Lambda's `CodeSha256` form.
    package static func base64(_ data: Data) -> String {
        Data(SHA256.hash(data: data)).base64EncodedString()
    }

    /// Hex SHA-256 of `text`'s UTF-8 bytes.
    package static func hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// base64(SHA-256) of the file at `path`, read in chunks.
    package static func base64(fileAt path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return Data(hasher.finalize()).base64EncodedString()
    }
}

/// State machine definitions compared as JSON, not as text.
package enum DefinitionJSON {
    /// The definition with keys sorted and no insignificant whitespace; the text itself when it is
    /// not JSON.
    package static func normalised(_ text: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return String(decoding: data, as: UTF8.self)
    }

    /// A short hash of the normalised definition, for plans and records.
    package static func hash(_ text: String) -> String { ContentHash.hex(normalised(text)) }
}
