import Foundation

/// One run of the real `ferry` binary: exit code and both outputs.
struct FerryRun: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String

    /// Both outputs, for messages.
    var output: String { "exit \(exitCode)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }

    /// The JSON objects printed with `--json`, one per stdout line.
    var jsonLines: [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Runs `ferry` with `arguments` in `directory`, with exactly `environment` (plus PATH).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]) async throws -> FerryRun {
        let (process, out, err) = try start(arguments, in: directory, environment: environment)
        async let outData = read(out.fileHandleForReading)
        async let errData = read(err.fileHandleForReading)
        let (o, e) = await (outData, errData)
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
        return FerryRun(exitCode: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                        stderr: String(decoding: e, as: UTF8.self))
    }

    /// Starts `ferry` with `arguments` in `directory`, with exactly `environment` (plus PATH), its
    /// outputs on pipes and no standard input.
    static func start(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> (Process, out: Pipe, err: Pipe) {
        let process = Process()
        process.executableURL = RepositoryPaths.ferryBinary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = environment
        env["PATH"] = env["PATH"] ?? ProcessInfo.processInfo.environment["PATH"]
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    private static func read(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }
}

/// A temporary folder that is removed when the value's scope ends.
final class TemporaryFolder: Sendable {
    let url: URL

    init(_ name: String = "ferry-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `relativePath`, creating folders.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
