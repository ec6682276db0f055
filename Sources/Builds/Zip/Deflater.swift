// Raw deflate and CRC-32 through the system zlib.
import CZlib

/// A reusable raw-deflate stream (no zlib header, window 2^15, memLevel 8, default strategy).
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer
    private let outputSize = 256 * 1024

    /// A deflater at a fixed compression `level` (0–9).
    init(level: Int32) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: outputSize, alignment: 16)
        let code = deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                 zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw BuildFilesError(.zlib(operation: "deflateInit2", code: code, path: ""))
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `input` (or finishes the stream when `finish`), handing each produced block to `sink`.
    func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, path: String,
                 _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(outputSize)
            let code = CZlib.deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                throw BuildFilesError(.zlib(operation: "deflate", code: code, path: path))
            }
            let produced = outputSize - Int(stream.pointee.avail_out)
            if produced > 0 { try sink(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            if finish {
                if code == Z_STREAM_END { break }
            } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 {
                break
            }
        }
        stream.pointee.next_in = nil
    }

    /// Resets the stream for the next entry.
    func reset() throws {
        let code = deflateReset(stream)
        guard code == Z_OK else { throw BuildFilesError(.zlib(operation: "deflateReset", code: code, path: "")) }
    }
}

/// CRC-32 (zip's checksum) through zlib.
enum CRC32 {
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        return UInt32(crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }
}
