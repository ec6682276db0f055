import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One gate command run through the shell, standard output and error merged and handed over
/// line by line as they come, stopped (SIGTERM, then SIGKILL) when it outlives its timeout.
struct GateProcess: Sendable {
    /// How the process ended.
    enum Ending: Sendable, Equatable {
        case exited(Int32)
        case timedOut
    }

    let shell: String
    let command: String
    let directory: URL
    let environment: [String: String]

    /// Runs the command; `onLine` gets each output line (without its newline).
    func run(timeout: TimeInterval, onLine: @escaping @Sendable (String) -> Void) async throws -> Ending {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let pid = process.processIdentifier
        let timedOut = TimeoutFlag()
        let watchdog = Task.detached {
            try await Task.sleep(for: .seconds(timeout))
            timedOut.fire()
            kill(pid, SIGTERM)
            try await Task.sleep(for: .seconds(5))
            kill(pid, SIGKILL)
        }
        let reader = pipe.fileHandleForReading
        // Read on a thread outside the cooperative pool; a timed-out gate's children may keep the
        // pipe open, so the reader is abandoned once the shell has exited after a timeout.
        let readDone = Task.detached {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    var splitter = LineSplitter()
                    while true {
                        let chunk = reader.availableData
                        if chunk.isEmpty { break }
                        for line in splitter.append(chunk) { onLine(line) }
                    }
                    if let last = splitter.finish() { onLine(last) }
                    continuation.resume()
                }
            }
        }
        let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        watchdog.cancel()
        if timedOut.fired {
            return .timedOut
        }
        await readDone.value
        return .exited(status)
    }
}

/// Whether a gate's watchdog stopped it.
private final class TimeoutFlag: Sendable {
    private let state = Mutex(false)
    func fire() { state.withLock { $0 = true } }
    var fired: Bool { state.withLock { $0 } }
}

/// Splits bytes into lines (LF or CRLF), keeping an unfinished line for the next chunk.
struct LineSplitter: Sendable {
    private var pending = Data()

    /// The complete lines in what has arrived so far.
    mutating func append(_ data: Data) -> [String] {
        pending.append(data)
        var lines: [String] = []
        while let newline = pending.firstIndex(of: 0x0A) {
            var line = pending[pending.startIndex..<newline]
            if line.last == 0x0D { line = line.dropLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            pending = Data(pending[pending.index(after: newline)...])
        }
        return lines
    }

    /// The last line when the output did not end with a newline.
    mutating func finish() -> String? {
        defer { pending = Data() }
        return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
    }
}
