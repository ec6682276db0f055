import Foundation

/// The outcome of one finished process.
package struct ProcessOutput: Sendable, Equatable {
    package var exitCode: Int32
    package var stdout: String
    package var stderr: String

    /// Whether the process exited with 0.
    package var succeeded: Bool { exitCode == 0 }

    package init(exitCode: Int32, stdout: String, stderr: String) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// A failure to start a process at all (not a non-zero exit, which is a `ProcessOutput`).
package struct ProcessLaunchError: Error, Sendable, CustomStringConvertible {
    package let executable: String
    package let reason: String
    package var description: String { "could not run \(executable): \(reason)" }
}

/// Runs local tools (pip, npm, make, python3 --version) and collects their output.
package struct ProcessRunner: Sendable {
    package init() {}

    /// Runs `executable` with `arguments` and waits for it, reading both pipes as it goes so a
    /// chatty tool never blocks on a full pipe.
    package func run(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
        workingDirectory: URL? = nil, standardInput: Data? = nil
    ) async throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        let stdinPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = standardInput == nil ? FileHandle.nullDevice : stdinPipe

        try launch(process, executable: executable)
        if let standardInput {
            let writer = stdinPipe.fileHandleForWriting
            DispatchQueue.global().async {
                writer.write(standardInput)
                try? writer.close()
            }
        }
        async let out = Self.readToEnd(stdoutPipe.fileHandleForReading)
        async let err = Self.readToEnd(stderrPipe.fileHandleForReading)
        let (outData, errData) = await (out, err)
        let exitCode = await Self.waitForExit(process)
        return ProcessOutput(
            exitCode: exitCode,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    private func launch(_ process: Process, executable: String) throws {
        do {
            try process.run()
        } catch {
            throw ProcessLaunchError(executable: executable, reason: error.localizedDescription)
        }
    }

    /// Reads a pipe to its end on a thread outside the cooperative pool.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: handle.readDataToEndOfFile())
            }
        }
    }

    /// Waits for the process to exit, off the cooperative pool.
    private static func waitForExit(_ process: Process) async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }
}
