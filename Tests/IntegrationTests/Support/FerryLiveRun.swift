import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A `ferry` run whose output is watched while it runs, so a test can send it a signal at the
/// right moment (Ctrl-C during a deploy).
enum FerryLiveRun {
    /// Runs `ferry`; when a line of standard output contains `trigger`, sends `signal` to it.
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String], signalWhen trigger: String, signal: Int32
    ) async throws -> (run: FerryRun, signalled: Bool) {
        let (process, out, err) = try FerryRun.start(arguments, in: directory, environment: environment)
        let pid = process.processIdentifier
        let signalled = Mutex(false)
        let stdout: Data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var collected = Data()
                while true {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    collected.append(chunk)
                    let fire = signalled.withLock { sent -> Bool in
                        guard !sent, String(decoding: collected, as: UTF8.self).contains(trigger) else { return false }
                        sent = true
                        return true
                    }
                    if fire { kill(pid, signal) }
                }
                continuation.resume(returning: collected)
            }
        }
        let stderr: Data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: err.fileHandleForReading.readDataToEndOfFile()) }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
        let run = FerryRun(exitCode: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                           stderr: String(decoding: stderr, as: UTF8.self))
        return (run, signalled.withLock { $0 })
    }
}
