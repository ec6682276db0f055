import AWSServices
import Foundation

/// What an object under the artifact prefix is, by its key: only content-addressed artifacts
/// and uploaded templates may ever be collected; Ferry's lock, history and hot-swap records and
/// anything Ferry did not write are never candidates.
package enum ArtifactObject: Sendable, Equatable {
    /// `<prefix>/<sha256>.<ext>`: a packaged artifact or nested template.
    case artifact(hash: String, ext: String)
    /// `<prefix>/.ferry/templates/<sha256>.template`: a large root template uploaded by `ferry deploy`.
    case uploadedTemplate(hash: String)
    /// Anything else: Ferry's state (`.ferry/locks`, `.ferry/history`, `.ferry/hotswaps`) or an
    /// object Ferry did not write.
    case other

    /// Classifies `key` under `prefix` (no slashes around it; empty for the bucket root).
    package static func classify(key: String, prefix: String) -> ArtifactObject {
        let base = prefix.isEmpty ? "" : "\(prefix)/"
        guard key.hasPrefix(base) else { return .other }
        let name = String(key.dropFirst(base.count))
        if name.hasPrefix(".ferry/templates/") {
            let file = String(name.dropFirst(".ferry/templates/".count))
            if let (hash, ext) = split(file), ext == "template" { return .uploadedTemplate(hash: hash) }
            return .other
        }
        guard !name.contains("/"), let (hash, ext) = split(name) else { return .other }
        return .artifact(hash: hash, ext: ext)
    }

    /// The SHA-256 in a key's file name (`.../<sha256>.<ext>`), if it has that shape.
    package static func hash(ofKey key: String) -> String? {
        let file = key.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? key
        return split(file)?.hash
    }

    /// Whether this object can be collected at all.
    package var isCandidate: Bool { self != .other }

    private static func split(_ file: String) -> (hash: String, ext: String)? {
        guard let dot = file.firstIndex(of: ".") else { return nil }
        let hash = file[..<dot]
        let ext = file[file.index(after: dot)...]
        guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }), !ext.isEmpty,
              ext.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) else { return nil }
        return (String(hash), String(ext))
    }
}
