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
        // The watchdog runs on Dispatch's timers, not as a sleeping task: a busy cooperative pool
        // (other tasks blocking its few threads) must not delay stopping the gate.
        let timedOut = TimeoutFlag()
        let forceKill = DispatchWorkItem {
            for member in timedOut.stopped { kill(member, SIGKILL) }
        }
        let terminate = DispatchWorkItem {
            let tree = ProcessTree.descendants(of: pid) + [pid]
            timedOut.fire(stopping: tree)
            for member in tree { kill(member, SIGTERM) }
            DispatchQueue.global().asyncAfter(deadline: .now() + 5, execute: forceKill)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: terminate)
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
        terminate.cancel()
        forceKill.cancel()
        if timedOut.fired {
            return .timedOut
        }
        await readDone.value
        return .exited(status)
    }
}

/// The processes started by a process (a gate's shell may not `exec` its command, and the
/// output pipe stays open while any of them runs).
enum ProcessTree {
    /// Every descendant of `pid`, children before grandchildren; empty where `/proc` is missing.
    static func descendants(of pid: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var children: [Int32: [Int32]] = [:]
        for entry in entries {
            guard let child = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = Int32(fields[1]) else { continue }
            children[parent, default: []].append(child)
        }
        var found: [Int32] = []
        var queue = children[pid] ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            found.append(next)
            queue += children[next] ?? []
        }
        return found
    }
}

/// Whether a gate's watchdog stopped it.
private final class TimeoutFlag: Sendable {
    private let state = Mutex<(fired: Bool, stopped: [Int32])>((false, []))
    /// Marks the gate timed out, `tree` being the processes sent SIGTERM.
    func fire(stopping tree: [Int32]) { state.withLock { $0 = (true, tree) } }
    var fired: Bool { state.withLock { $0.fired } }
    /// The processes sent SIGTERM (SIGKILL follows for those still there).
    var stopped: [Int32] { state.withLock { $0.stopped } }
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
