import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The project's `.ferry` folder (build cache, manifest, packaged templates, upload records),
/// checked before a command writes into it, so a folder Ferry cannot write is one sentence.
package enum FerryFolder {
    /// The subfolders Ferry writes into; each that exists is checked too.
    static let subfolders = ["build", "cache", "package", "wheels", "deps", "pip-cache", "uploads"]

    /// Creates `<projectRoot>/.ferry` when missing and checks that Ferry can create files in it
    /// and in its existing subfolders.
    /// - Throws: `PipelineFailure` (bad input) naming the folder, why, and the fix.
    package static func requireWritable(projectRoot: URL) throws {
        let folder = projectRoot.appendingPathComponent(".ferry")
        if mkdir(folder.path, 0o755) != 0, errno != EEXIST { throw failure(folder.path, errno: errno) }
        try probe(folder.path, shownAs: folder.path)
        for name in subfolders {
            let path = folder.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else { throw failure(path, errno: ENOTDIR) }
            try probe(path, shownAs: path)
        }
    }

    /// Creates and removes a file in `path`.
    private static func probe(_ path: String, shownAs: String) throws {
        let file = path + "/.ferry-write-check-\(getpid())"
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(shownAs, errno: errno) }
        close(descriptor)
        unlink(file)
    }

    /// The one-sentence failure for `path` and the errno that stopped the write.
    static func failure(_ path: String, errno code: Int32) -> PipelineFailure {
        let why: String
        switch code {
        case EACCES, EPERM: why = "it is read-only for this user"
        case EROFS: why = "it is on a read-only file system"
        case ENOTDIR, EEXIST: why = "it is not a folder"
        case ENOSPC: why = "the disk is full"
        default: why = String(cString: strerror(code))
        }
        return PipelineFailure(.badInput, "Ferry cannot write to \(path) (\(why)); it keeps builds, the build manifest "
            + "and packaged templates there, so make it a writable folder (chmod -R u+w .ferry) or remove it.")
    }
}
