// Thin wrappers over the POSIX calls the module needs (stat, realpath, directory listing, reading).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat`/`stat` say about a path, reduced to what builds need.
struct FileStatus: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case regular, directory, symlink, other }
    let kind: Kind
    let mode: UInt32
    let size: UInt64
}

/// POSIX helpers; every failure becomes a `BuildFilesError` naming the path.
enum POSIX {
    /// `lstat` (does not follow a final symlink).
    static func lstatus(_ path: String) throws -> FileStatus {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw BuildFilesError(.io(operation: "inspect", path: path, errno: errno)) }
        return status(info)
    }

    /// `stat` (follows symlinks); nil when the target does not exist.
    static func status(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return status(info)
    }

    private static func status(_ info: stat) -> FileStatus {
        let mode = UInt32(info.st_mode)
        let kind: FileStatus.Kind
        switch mode & 0o170000 { // S_IFMT
        case 0o100000: kind = .regular // S_IFREG
        case 0o040000: kind = .directory // S_IFDIR
        case 0o120000: kind = .symlink // S_IFLNK
        default: kind = .other
        }
        return FileStatus(kind: kind, mode: mode & 0o7777, size: UInt64(info.st_size))
    }

    /// The canonical absolute path (all links resolved); nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The raw text of a symbolic link.
    static func readLink(_ path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { throw BuildFilesError(.io(operation: "read link", path: path, errno: errno)) }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Names in a directory, without `.` and `..`, in no particular order.
    static func listDirectory(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw BuildFilesError(.io(operation: "list folder", path: path, errno: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Names in a directory, without `.` and `..`, in no particular order, each with whether its
    /// bytes are valid UTF-8 (an invalid name is decoded with replacement characters and `escaped`
    /// shows its bytes, `caf\xE9.txt`).
    static func listDirectoryCheckingNames(_ path: String) throws -> [(name: String, escaped: String?)] {
        guard let dir = opendir(path) else { throw BuildFilesError(.io(operation: "list folder", path: path, errno: errno)) }
        defer { closedir(dir) }
        var names: [(String, String?)] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let all = raw.bindMemory(to: UInt8.self)
                return Array(all[0..<(all.firstIndex(of: 0) ?? all.count)])
            }
            if bytes == [46] || bytes == [46, 46] { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                names.append((name, nil))
            } else {
                let escaped = bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
                names.append((String(decoding: bytes, as: UTF8.self), escaped))
            }
        }
        return names
    }

    /// Reads a file in chunks of at most 1 MiB, calling `body` with each; returns the byte count read.
    /// `sizeHint` (the size the walk saw) keeps the buffer small for small files.
    static func readChunks(
        _ path: String, sizeHint: UInt64? = nil, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> UInt64 {
        let maximum = 1 << 20
        let chunkSize = sizeHint.map { min(maximum, max(Int(clamping: $0) + 1, 4096)) } ?? maximum
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BuildFilesError(.io(operation: "open", path: path, errno: errno)) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total: UInt64 = 0
        while true {
            let count = read(fd, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw BuildFilesError(.io(operation: "read", path: path, errno: errno))
            }
            if count == 0 { break }
            total += UInt64(count)
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return total
    }

    /// Creates a folder and its parents (like `mkdir -p`).
    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw BuildFilesError(.io(operation: "create folder", path: current, errno: errno))
            }
        }
    }

    /// Atomically replaces `destination` with `source` (same file system).
    static func rename(_ source: String, to destination: String) throws {
        #if canImport(Glibc)
        let result = Glibc.rename(source, destination)
        #elseif canImport(Musl)
        let result = Musl.rename(source, destination)
        #else
        let result = Darwin.rename(source, destination)
        #endif
        guard result == 0 else { throw BuildFilesError(.io(operation: "rename to '\(destination)'", path: source, errno: errno)) }
    }

    /// Removes a file, ignoring a missing one.
    static func removeFile(_ path: String) {
        _ = unlink(path)
    }

    /// A unique temporary file name in the folder of `path`: `<dir>/.<name>.tmp-<pid>-<random>`.
    static func temporarySibling(of path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(dir.isEmpty ? "" : dir)/.\(name).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }
}

/// Joins path components with a single `/`.
func joinPath(_ base: String, _ component: String) -> String {
    if base.isEmpty { return component }
    return base.hasSuffix("/") ? base + component : base + "/" + component
}
