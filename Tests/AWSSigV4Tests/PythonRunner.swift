import Foundation

/// Runs a Python script from the test fixtures with `python3` (or `$FERRY_PYTHON`).
enum PythonRunner {
    /// Why the script could not give an answer; the description tells how to fix the machine.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The interpreter: `$FERRY_PYTHON` when set, else `python3` from `PATH`.
    static var interpreter: String {
        let override = ProcessInfo.processInfo.environment["FERRY_PYTHON"] ?? ""
        return override.isEmpty ? "python3" : override
    }

    /// Runs `script` with `arguments` and returns its standard output; throws when it cannot start
    /// or exits non-zero.
    static func run(script: URL, arguments: [String]) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("ferry-python-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter, script.path] + arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        do {
            try process.run()
        } catch {
            throw Failure(description: "Could not start '\(interpreter)' (\(error)). \(installHint)")
        }
        process.waitUntilExit()

        let stderr = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "'\(interpreter) \(script.lastPathComponent) \(arguments.joined(separator: " "))' "
                + "exited with status \(process.terminationStatus): \(stderr)\n\(installHint)")
        }
        return try Data(contentsOf: stdoutURL)
    }

    private static let installHint =
        "The botocore reference needs Python 3 with botocore: pip install -r emulator/requirements.txt "
        + "(set FERRY_PYTHON to choose the interpreter)."
}
