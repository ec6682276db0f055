// A buffered, seekable writer for building a zip file.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a new file through a buffer, tracks the offset, and can patch bytes already written.
final class ZipOutput {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var bufferStart: UInt64 = 0
    private let capacity = 1 << 20

    /// Creates (exclusively) the file at `path`.
    init(creating path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildFilesError(.io(operation: "create", path: path, errno: errno)) }
        buffer.reserveCapacity(capacity)
    }

    deinit { close(fd) }

    /// The offset of the next byte written.
    var offset: UInt64 { bufferStart + UInt64(buffer.count) }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Overwrites bytes at an earlier `position` (in the buffer or already on disk).
    func patch(at position: UInt64, _ bytes: [UInt8]) throws {
        if position >= bufferStart {
            let start = Int(position - bufferStart)
            buffer.replaceSubrange(start..<start + bytes.count, with: bytes)
            return
        }
        try flush()
        let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(position)) }
        guard written == bytes.count else { throw BuildFilesError(.io(operation: "write", path: path, errno: errno)) }
    }

    /// Writes the buffer to the file.
    func flush() throws {
        var done = 0
        while done < buffer.count {
            let count = buffer.withUnsafeBytes { raw in
                pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(bufferStart) + off_t(done))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw BuildFilesError(.io(operation: "write", path: path, errno: errno))
            }
            done += count
        }
        bufferStart += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension Array where Element == UInt8 {
    mutating func appendLE(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLE(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func appendLE(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
