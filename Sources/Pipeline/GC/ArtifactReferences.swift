import Foundation

/// The content hashes a text refers to. Artifacts are stored under their SHA-256
/// (`<prefix>/<sha256>.<ext>`), so every reference to one, in any spelling (`s3://bucket/key`,
/// a path- or virtual-host-style URL, `S3Bucket`/`S3Key` pairs, YAML or JSON), contains the
/// 64-hex-digit hash: collecting those is enough and never misses a spelling.
package struct ArtifactReferences: Sendable, Equatable {
    /// Lower-case SHA-256 hex digests.
    package var hashes: Set<String>

    /// References to `hashes`.
    package init(hashes: Set<String> = []) { self.hashes = hashes }

    /// Every run of exactly 64 hex digits in `text`.
    package static func scan(_ text: String) -> ArtifactReferences {
        ArtifactReferences(hashes: Set(hexRuns(in: text).map(\.hash)))
    }

    /// The artifact names (`<sha256>.<ext>`) in `text`, in order, without repeats: what a deploy
    /// record keeps as the artifacts its template uses.
    package static func artifactNames(in text: String) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for run in hexRuns(in: text) {
            guard let ext = run.extensionAfter, seen.insert("\(run.hash).\(ext)").inserted else { continue }
            names.append("\(run.hash).\(ext)")
        }
        return names
    }

    /// Adds the references of `other`.
    package mutating func formUnion(_ other: ArtifactReferences) { hashes.formUnion(other.hashes) }

    /// Whether the object named `key` (`<prefix>/<sha256>.<ext>`) is referenced.
    package func references(key: String) -> Bool {
        guard let hash = ArtifactObject.hash(ofKey: key) else { return false }
        return hashes.contains(hash)
    }

    private struct HexRun {
        var hash: String
        var extensionAfter: String?
    }

    private static func hexRuns(in text: String) -> [HexRun] {
        let scalars = Array(text.unicodeScalars)
        var runs: [HexRun] = []
        var index = 0
        while index < scalars.count {
            guard isHex(scalars[index]) else { index += 1; continue }
            var end = index
            while end < scalars.count, isHex(scalars[end]) { end += 1 }
            let boundedBefore = index == 0 || !isWordLike(scalars[index - 1])
            if end - index == 64, boundedBefore {
                let hash = String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
                var ext: String?
                if end < scalars.count, scalars[end] == "." {
                    var stop = end + 1
                    while stop < scalars.count, scalars[stop].properties.isAlphabetic || ("0"..."9").contains(scalars[stop]) {
                        stop += 1
                    }
                    if stop > end + 1 { ext = String(String.UnicodeScalarView(scalars[(end + 1)..<stop])) }
                }
                if end == scalars.count || ext != nil || !isWordLike(scalars[end]) {
                    runs.append(HexRun(hash: hash, extensionAfter: ext))
                }
            }
            index = end
        }
        return runs
    }

    private static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    private static func isWordLike(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
