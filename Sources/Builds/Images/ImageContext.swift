// The build context: its files after .dockerignore, and what a COPY takes from it.
import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a build context folder after `.dockerignore` (gitignore-style patterns; `.git/`
/// and `.ferry/` always left out), with their content digests for the build key.
struct ImageContext: Sendable {
    let tree: FileTree
    private let digests: [String: String]

    init(folder: String) throws {
        var rules = IgnoreRules(text: ".git/\n.ferry/\n.aws-sam/")
        let ignoreFile = joinPath(folder, ".dockerignore")
        if POSIX.status(ignoreFile)?.kind == .regular {
            var bytes: [UInt8] = []
            _ = try POSIX.readChunks(ignoreFile) { bytes.append(contentsOf: $0) }
            // .dockerignore patterns are relative to the context root: a leading "/" means the same.
            let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.hasPrefix("/") ? String(line.dropFirst()) : String(line) }.joined(separator: "\n")
            rules = rules.appending(contentsOf: text)
        }
        tree = try FileTree.scan(folder, rules: rules, readIgnoreFile: false)
        var digests: [String: String] = [:]
        for entry in tree.entries {
            var hash = SHA256()
            _ = try POSIX.readChunks(entry.sourcePath, sizeHint: entry.size) { hash.update(bufferPointer: $0) }
            digests[entry.relativePath] = SHA256Digest(hash.finalize()).hex
        }
        self.digests = digests
    }

    func contentDigest(_ entry: FileTreeEntry) -> String { digests[entry.relativePath] ?? "" }

    /// The layer entries of `COPY sources destination`: files keep their path below a copied folder,
    /// a single file copied to a path without a trailing slash takes that name, and every parent
    /// folder is written explicitly (0755).
    func entries(for sources: [String], destination: String, chmod: UInt32?, file: String, line: Int) throws -> [LayerEntry] {
        var files: [String: LayerEntry] = [:]
        let intoFolder = destination.hasSuffix("/")
        let target = ImagePath.normalize(destination)
        for source in sources {
            guard !source.hasPrefix("/"), !Self.escapes(source) else {
                throw ImageError(.copySourceOutsideContext(file: file, line: line, source: source))
            }
            let pattern = String(ImagePath.normalize("/" + source).dropFirst())
            let isGlob = pattern.contains { "*?[".contains($0) }
            var matched = false
            for entry in tree.entries {
                let path = entry.relativePath
                let inImage: String
                if pattern.isEmpty {
                    inImage = target + "/" + path
                } else if path == pattern || (isGlob && fnmatch(pattern, path, FNM_PATHNAME) == 0) {
                    let name = String(path.split(separator: "/").last!)
                    inImage = intoFolder || isGlob ? target + "/" + name : target
                } else if path.hasPrefix(pattern + "/") {
                    inImage = target + "/" + path.dropFirst(pattern.count + 1)
                } else if isGlob, let below = Self.globFolderMatch(pattern, path) {
                    inImage = target + "/" + below
                } else {
                    continue
                }
                matched = true
                let key = String(ImagePath.normalize(inImage).dropFirst())
                files[key] = LayerEntry(path: key, isDirectory: false,
                                        mode: chmod ?? UInt32(entry.normalizedPermissions), source: entry.sourcePath)
            }
            guard matched else { throw ImageError(.copySourceMissing(file: file, line: line, source: source)) }
        }
        var all = files
        for path in files.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                let folder = parts.joined(separator: "/")
                if all[folder] == nil { all[folder] = LayerEntry(path: folder, isDirectory: true, mode: 0o755, source: nil) }
                parts = parts.dropLast()
            }
        }
        return Array(all.values)
    }

    /// Whether a relative path climbs above its root with `..`.
    private static func escapes(_ path: String) -> Bool {
        var depth = 0
        for part in path.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }

    /// For a glob naming folders (`src/*`), the path of `path` below the matched folder (Docker copies
    /// a folder's contents, not the folder).
    private static func globFolderMatch(_ pattern: String, _ path: String) -> String? {
        let parts = path.split(separator: "/")
        for depth in 1..<max(parts.count, 1) {
            let folder = parts[0..<depth].joined(separator: "/")
            if fnmatch(pattern, folder, FNM_PATHNAME) == 0 {
                return parts[depth...].joined(separator: "/")
            }
        }
        return nil
    }
}
