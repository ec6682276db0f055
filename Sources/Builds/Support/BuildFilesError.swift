// The error of the files stage of a build: scanning, hashing, copying, zipping and caching.

/// An error reading a build's files or writing its artifact (scan, hash, copy, zip, size limit,
/// cache): says what went wrong, where, and what to do.
///
/// Planning throws ``BuildPlanError``, a builder ``BuilderError`` (which wraps this one when a
/// builder reads files), a whole run ``BuildRunError``, images ``ImageError``.
package struct BuildFilesError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case io(operation: String, path: String, errno: Int32)
        case symlinkEscapesRoot(link: String, target: String, root: String)
        case symlinkBroken(link: String, target: String)
        case symlinkCycle(link: String, target: String)
        case fileChangedWhileReading(path: String, expected: UInt64, actual: UInt64)
        case unsupportedFileType(path: String)
        case zlib(operation: String, code: Int32, path: String)
        case notADirectory(path: String)
        case unzippedSizeTooLarge(function: String, size: UInt64, limit: UInt64)
        case invalidArchivePath(path: String, source: String)
        case duplicateArchivePath(path: String)
        case invalidRequirement(file: String, line: Int, text: String, reason: String)
        case nonUTF8Name(folder: String, name: String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// A human-readable message: what happened, where, and what to do next.
    package var description: String {
        switch kind {
        case let .io(operation, path, code):
            return "Could not \(operation) '\(path)': \(Self.errnoText(code)). Check that the path exists and is readable."
        case let .symlinkEscapesRoot(link, target, root):
            return "Symbolic link '\(link)' points to '\(target)', outside the source folder '\(root)'. "
                + "Ferry only follows links that stay inside the folder: copy the target in or remove the link."
        case let .symlinkBroken(link, target):
            return "Symbolic link '\(link)' points to '\(target)', which does not exist. Fix or remove the link."
        case let .symlinkCycle(link, target):
            return "Symbolic link '\(link)' points to '\(target)', a folder that contains the link (a cycle). Remove the link."
        case let .fileChangedWhileReading(path, expected, actual):
            return "File '\(path)' changed while it was read (expected \(expected) bytes, read \(actual)). "
                + "Stop whatever writes to it and build again."
        case let .unsupportedFileType(path):
            return "'\(path)' is not a regular file, folder or symbolic link (socket, FIFO or device). Remove it or add it to .ferryignore."
        case let .zlib(operation, code, path):
            return "zlib \(operation) failed with code \(code) while compressing '\(path)'."
        case let .notADirectory(path):
            return "'\(path)' is not a folder. Point the function's CodeUri (or the dependency) at a folder."
        case let .unzippedSizeTooLarge(function, size, limit):
            return "Function '\(function)' unzips to \(size) bytes, over Lambda's limit of \(limit) bytes (250 MB) for code and layers. "
                + "Remove unneeded files (.ferryignore), move dependencies to a layer, or use a container image."
        case let .invalidArchivePath(path, source):
            return "Cannot store '\(source)' in a zip as '\(path)': archive paths must be relative, without '.', '..' or empty parts."
        case let .duplicateArchivePath(path):
            return "Two files would be stored in the zip as '\(path)'. Rename one of them or change the prefix."
        case let .invalidRequirement(file, line, text, reason):
            return "\(file):\(line): requirement '\(text)' \(reason)."
        case let .nonUTF8Name(folder, name):
            return "The folder '\(folder)' holds a file named '\(name)', which is not valid UTF-8: a zip for Lambda "
                + "cannot carry it. Rename the file, or add a pattern that matches it to .ferryignore."
        }
    }

    /// Whether the error is about the user's files (a link, a name, a file type), not the machine:
    /// Ferry exits 64 for these.
    package var isBadInput: Bool {
        switch kind {
        case .symlinkEscapesRoot, .symlinkBroken, .symlinkCycle, .unsupportedFileType, .notADirectory,
             .invalidRequirement, .nonUTF8Name, .unzippedSizeTooLarge: true
        default: false
        }
    }

    static func errnoText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
