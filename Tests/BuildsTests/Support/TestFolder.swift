// A temporary folder for a test, with helpers to write files, links and modes.
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under the system temporary folder, removed when the value is released.
final class TestFolder: @unchecked Sendable {
    let path: String

    init(_ label: String = "builds") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/ferry-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Absolute path of `relative`.
    func url(_ relative: String) -> String { path + "/" + relative }

    /// Writes `contents` at `relative` (creating folders), with `mode`.
    @discardableResult
    func write(_ relative: String, _ contents: String, mode: mode_t = 0o644) throws -> String {
        try write(relative, Data(contents.utf8), mode: mode)
    }

    @discardableResult
    func write(_ relative: String, _ data: Data, mode: mode_t = 0o644) throws -> String {
        let full = url(relative)
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        try chmodOrThrow(full, mode)
        return full
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: url(relative), withIntermediateDirectories: true)
    }

    func chmod(_ relative: String, _ mode: mode_t) throws { try chmodOrThrow(url(relative), mode) }

    func symlink(_ relative: String, to target: String) throws {
        let full = url(relative)
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    /// Sets access and modification times of every file below the folder to `date`.
    func touchAll(_ date: Date) throws {
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url(relative))
        }
    }

    private func chmodOrThrow(_ path: String, _ mode: mode_t) throws {
        #if canImport(Glibc)
        let result = Glibc.chmod(path, mode)
        #else
        let result = Darwin.chmod(path, mode)
        #endif
        if result != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}

/// Runs a program found on PATH; fails the test (does not skip) when it is missing.
func run(_ program: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
    let located = try #require(which(program), "\(program) must be installed for this test")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: located)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The full path of `program` on PATH, or nil.
func which(_ program: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for folder in paths {
        let candidate = "\(folder)/\(program)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Runs a Python snippet with `arguments` in `sys.argv[1:]`; returns its stdout+stderr, failing on non-zero exit.
func python(_ script: String, _ arguments: [String] = []) throws -> String {
    let result = try run("python3", ["-c", script] + arguments)
    #expect(result.status == 0, "python3 failed: \(result.output)")
    return result.output
}

func readBytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}
