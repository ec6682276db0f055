// Raw inflate (one zip entry) through the system zlib.
import CZlib
import Foundation

/// Decompresses one raw-deflate stream (a zip entry of method 8) whose size is known.
enum Inflater {
    /// The `size` bytes `compressed` inflates to; throws when the stream is damaged or its size differs.
    static func inflate(_ compressed: UnsafeRawBufferPointer, size: Int, path: String) throws -> Data {
        var stream = z_stream()
        var code = inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else { throw BuildFilesError(.zlib(operation: "inflateInit2", code: code, path: path)) }
        defer { inflateEnd(&stream) }
        var output = Data(count: max(size, 1)) // zlib needs somewhere to point, even for an empty entry
        let produced = output.withUnsafeMutableBytes { out -> Int in
            stream.next_in = UnsafeMutablePointer(mutating: compressed.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(compressed.count)
            stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            code = CZlib.inflate(&stream, Z_FINISH)
            return out.count - Int(stream.avail_out)
        }
        guard code == Z_STREAM_END, produced == size else {
            throw BuildFilesError(.zlib(operation: "inflate", code: code, path: path))
        }
        return size == 0 ? Data() : output
    }
}
