// Copying the files of a walk into a folder.
import Foundation

/// Copies walked files into a folder, with normalised permissions (0755 or 0644).
enum FolderCopy {
    /// Copies every entry of `tree` to `destination/prefix/relativePath`, replacing files already there.
    static func copy(_ tree: FileTree, to destination: String, prefix: String = "") throws {
        let manager = FileManager.default
        var made: Set<String> = []
        for entry in tree.entries {
            let target = joinPath(destination, prefix + entry.relativePath)
            let folder = (target as NSString).deletingLastPathComponent
            if made.insert(folder).inserted { try POSIX.makeDirectories(folder) }
            if POSIX.status(target) != nil || (try? POSIX.lstatus(target)) != nil {
                try? manager.removeItem(atPath: target)
            }
            do {
                try manager.copyItem(atPath: entry.sourcePath, toPath: target)
            } catch {
                throw BuildFilesError(.io(operation: "copy to '\(target)'", path: entry.sourcePath, errno: EIO))
            }
            guard chmod(target, mode_t(entry.normalizedPermissions)) == 0 else {
                throw BuildFilesError(.io(operation: "set permissions", path: target, errno: errno))
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
