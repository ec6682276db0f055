// Walking a folder with ignore rules and safe symlink handling.

/// The regular files under a folder, sorted bytewise by relative path, after ignore rules.
///
/// Folders are walked, not recorded (archives carry no folder entries). Symbolic links are
/// followed when their resolved target stays inside the root (a linked folder is walked under the
/// link's path, a linked file is read from its target); a link resolving outside the root is an
/// error naming the link and its target, as are broken links and links to a folder containing them.
/// Files that are not regular (sockets, FIFOs, devices) are an error unless ignored, and so are
/// names that are not valid UTF-8 (zip entries and Lambda need UTF-8 names).
package struct FileTree: Sendable, Hashable {
    /// The canonical absolute path of the walked folder.
    package let root: String
    /// The files, sorted bytewise by `relativePath`.
    package let entries: [FileTreeEntry]

    /// The name of the per-folder ignore file read from the root of a walk.
    package static let ignoreFileName = ".ferryignore"

    /// Sum of the file sizes.
    package var totalSize: UInt64 { entries.reduce(0) { $0 + $1.size } }

    /// Walks `folder` with `rules`, plus the patterns of `<folder>/.ferryignore` when
    /// `readIgnoreFile` is true (that file's patterns come last, so they win).
    package static func scan(_ folder: String, rules: IgnoreRules = .always, readIgnoreFile: Bool = true) throws -> FileTree {
        guard let root = POSIX.realPath(folder) else {
            throw BuildFilesError(.io(operation: "find folder", path: folder, errno: 2))
        }
        guard POSIX.status(root)?.kind == .directory else { throw BuildFilesError(.notADirectory(path: folder)) }
        var effective = rules
        let ignoreFile = joinPath(root, ignoreFileName)
        if readIgnoreFile, POSIX.status(ignoreFile)?.kind == .regular {
            var bytes: [UInt8] = []
            _ = try POSIX.readChunks(ignoreFile) { bytes.append(contentsOf: $0) }
            effective = effective.appending(contentsOf: String(decoding: bytes, as: UTF8.self))
        }
        var walker = Walker(root: root, rules: effective)
        try walker.walk(directory: root, relative: [], ancestors: [root])
        let sorted = walker.found.sorted { utf8Precedes($0.relativePath, $1.relativePath) }
        return FileTree(root: root, entries: sorted)
    }

    /// A tree from entries already known (they are sorted here).
    package init(root: String, entries: [FileTreeEntry]) {
        self.root = root
        self.entries = entries.sorted { utf8Precedes($0.relativePath, $1.relativePath) }
    }
}

private struct Walker {
    let root: String
    let rules: IgnoreRules
    var found: [FileTreeEntry] = []

    init(root: String, rules: IgnoreRules) {
        self.root = root
        self.rules = rules
    }

    mutating func walk(directory: String, relative: [Substring], ancestors: Set<String>) throws {
        for (name, escaped) in try POSIX.listDirectoryCheckingNames(directory) {
            let components = relative + [Substring(name)]
            if let escaped {
                // The name cannot be a path or a zip entry: skipped when ignored, refused otherwise.
                if rules.ignoresEntry(components, isDirectory: false) || rules.ignoresEntry(components, isDirectory: true) { continue }
                throw BuildFilesError(.nonUTF8Name(folder: directory, name: escaped))
            }
            let path = joinPath(directory, name)
            let relativePath = components.joined(separator: "/")
            let status = try POSIX.lstatus(path)
            switch status.kind {
            case .regular:
                if rules.ignoresEntry(components, isDirectory: false) { continue }
                found.append(FileTreeEntry(
                    relativePath: relativePath, sourcePath: path, size: status.size,
                    isExecutable: status.mode & 0o111 != 0))
            case .directory:
                if rules.ignoresEntry(components, isDirectory: true) { continue }
                try walk(directory: path, relative: components, ancestors: ancestors.union([path]))
            case .symlink:
                try followLink(path: path, components: components, relativePath: relativePath, ancestors: ancestors)
            case .other:
                if rules.ignoresEntry(components, isDirectory: false) { continue }
                throw BuildFilesError(.unsupportedFileType(path: path))
            }
        }
    }

    private mutating func followLink(
        path: String, components: [Substring], relativePath: String, ancestors: Set<String>
    ) throws {
        let target = POSIX.status(path)
        if rules.ignoresEntry(components, isDirectory: target?.kind == .directory) { return }
        let linkText = try POSIX.readLink(path)
        guard let target, let resolved = POSIX.realPath(path) else {
            throw BuildFilesError(.symlinkBroken(link: relativePath, target: linkText))
        }
        guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
            throw BuildFilesError(.symlinkEscapesRoot(link: relativePath, target: linkText, root: root))
        }
        switch target.kind {
        case .regular:
            found.append(FileTreeEntry(
                relativePath: relativePath, sourcePath: resolved, size: target.size,
                isExecutable: target.mode & 0o111 != 0))
        case .directory:
            if ancestors.contains(resolved) {
                throw BuildFilesError(.symlinkCycle(link: relativePath, target: linkText))
            }
            try walk(directory: resolved, relative: components, ancestors: ancestors.union([resolved]))
        case .symlink, .other:
            throw BuildFilesError(.unsupportedFileType(path: path))
        }
    }
}
