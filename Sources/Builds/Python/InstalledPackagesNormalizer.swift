// Making what pip installed independent of where and when it ran.
import Foundation

/// Removes what pip writes that depends on the machine, the folder or the time, so that the same
/// inputs give the same files:
/// - `*.dist-info/direct_url.json` (the absolute `file://` URL of a local package or wheel) and its
///   line in the `RECORD` next to it;
/// - `__pycache__` folders and `.pyc` files (and their `RECORD` lines).
enum InstalledPackagesNormalizer {
    /// Normalises the folder pip installed into (`pip install --target folder`).
    static func normalize(_ folder: String) throws {
        let manager = FileManager.default
        guard let names = manager.enumerator(atPath: folder)?.allObjects as? [String] else { return }
        var removed: Set<String> = [] // paths relative to `folder`
        for relative in names.sorted() {
            let name = (relative as NSString).lastPathComponent
            let full = joinPath(folder, relative)
            guard manager.fileExists(atPath: full) else { continue } // inside a folder removed already
            let isCache = name == "__pycache__" || name.hasSuffix(".pyc")
            let isDirectURL = name == "direct_url.json" && (relative as NSString).deletingLastPathComponent.hasSuffix(".dist-info")
            guard isCache || isDirectURL else { continue }
            try manager.removeItem(atPath: full)
            removed.insert(relative)
        }
        guard !removed.isEmpty else { return }
        for record in names where record.hasSuffix(".dist-info/RECORD") {
            try rewriteRecord(joinPath(folder, record), dropping: removed)
        }
    }

    /// Drops lines of a `RECORD` whose path (relative to the install folder) was removed, or lies
    /// inside a removed `__pycache__` folder.
    private static func rewriteRecord(_ path: String, dropping removed: Set<String>) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var changed = false
        // pip writes RECORD with the csv module (`\r\n` line ends), and Swift treats "\r\n" as one
        // Character, so lines are split on the byte 0x0A (each keeps its "\r").
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let kept = lines.filter { line in
            let file = recordPath(line)
            let drop = removed.contains(file) || file.hasSuffix(".pyc") || file.contains("__pycache__/")
            if drop { changed = true }
            return !drop
        }
        if changed { try Data(kept.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path)) }
    }

    /// The first CSV field of a RECORD line (quoted when it contains a comma).
    private static func recordPath(_ line: String) -> String {
        if line.hasPrefix("\"") {
            let rest = line.dropFirst()
            guard let end = rest.range(of: "\",") else { return String(rest) }
            return String(rest[..<end.lowerBound]).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return String(line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
