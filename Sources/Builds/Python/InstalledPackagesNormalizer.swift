// Making what pip installed independent of where and when it ran.
import Foundation

/// Removes what pip writes that depends on the machine, the folder or the time, so that the same
/// inputs give the same files:
/// - `*.dist-info/direct_url.json` (the absolute `file://` URL of a local package or wheel) and its
///   line in the `RECORD` next to it;
/// - `__pycache__` folders and `.pyc` files (and their `RECORD` lines);
/// - what SAM leaves out of a zip because it unpacks wheels instead of running pip's installer:
///   the top-level `bin/` (console scripts whose shebang is this machine's interpreter path),
///   `*.dist-info/INSTALLER` and `*.dist-info/REQUESTED` (and their `RECORD` lines).
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
            let inDistInfo = (relative as NSString).deletingLastPathComponent.hasSuffix(".dist-info")
            let isInstallerNote = inDistInfo && ["direct_url.json", "INSTALLER", "REQUESTED"].contains(name)
            let isScripts = relative == "bin"
            guard isCache || isInstallerNote || isScripts else { continue }
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
                || (removed.contains("bin") && isScript(file))
            if drop { changed = true }
            return !drop
        }
        if changed { try Data(kept.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path)) }
    }

    /// Whether a RECORD path names a script pip wrote to the scripts folder (`../../bin/tool`,
    /// relative to the library folder pip installed into before moving it to `--target`).
    private static func isScript(_ file: String) -> Bool {
        var path = Substring(file)
        var climbed = false
        while path.hasPrefix("../") { path = path.dropFirst(3); climbed = true }
        return (climbed || path.hasPrefix("bin/")) && path.hasPrefix("bin/")
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
