import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command line with `/bin/sh -c` and collects its output and exit status.
///
/// Output is read until the command exits and its pipes are drained, not until end-of-file:
/// on Linux another child process may inherit the pipe's write end and keep it open.
enum ShellCommand {
    struct Output: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Set once the process has exited.
    private final class ExitStatus: Sendable {
        let status = Mutex<Int32?>(nil)
    }

    static func run(_ command: String, environment: [String: String]) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let exited = ExitStatus()
        let (exits, exitContinuation) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            let status = finished.terminationStatus
            exited.status.withLock { $0 = status }
            exitContinuation.yield(status)
            exitContinuation.finish()
        }
        try process.run()
        let stdoutHandle = stdoutPipe.fileHandleForReading
        let stderrHandle = stderrPipe.fileHandleForReading
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }
        let (stdout, stderr) = await withCheckedContinuation { (continuation: CheckedContinuation<(Data, Data), Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: drain(stdoutHandle.fileDescriptor, stderrHandle.fileDescriptor) {
                    exited.status.withLock { $0 != nil }
                })
            }
        }
        var status: Int32 = -1
        for await code in exits { status = code }
        return Output(status: status, stdout: stdout, stderr: stderr)
    }

    /// Reads both descriptors until both reach end-of-file, or the process has exited and
    /// nothing more arrives for 50 ms.
    private static func drain(_ first: Int32, _ second: Int32, hasExited: () -> Bool) -> (Data, Data) {
        var collected = [Data(), Data()]
        var descriptors = [pollfd(fd: first, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while descriptors.contains(where: { $0.fd >= 0 }) {
            let ready = poll(&descriptors, nfds_t(descriptors.count), 50)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 {
                if hasExited() { break }
                continue
            }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    descriptors[index].fd = -1
                }
            }
        }
        return (collected[0], collected[1])
    }
}
