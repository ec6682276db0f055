// Deterministic tar layers, gzip-compressed through the project's zlib.
import Crypto
import Foundation

/// One entry of an image layer: a folder or a regular file at an absolute path inside the image.
struct LayerEntry: Sendable, Hashable {
    /// The path inside the image without a leading slash (`var/task/app.py`).
    var path: String
    var isDirectory: Bool
    /// Permission bits (0644, 0755, or a COPY --chmod value).
    var mode: UInt32
    /// Where the file's bytes are read (nil for folders).
    var source: String?
}

/// A finished layer: its compressed digest and size (the blob) and its uncompressed digest (`diff_id`).
package struct LayerBlob: Sendable, Hashable {
    /// `sha256:<hex>` of the gzip bytes.
    package var digest: String
    /// The gzip size in bytes.
    package var size: Int64
    /// `sha256:<hex>` of the tar bytes.
    package var diffID: String
}

/// Writes a tar (ustar with PAX headers for long names) of `entries` in bytewise path order, with
/// mtime 0, uid/gid 0, no owner names and no extended attributes, gzip-compressed (mtime 0, no
/// name) into `destination`; the same entries and bytes always give the same blob.
enum TarLayerWriter {
    static func write(_ entries: [LayerEntry], to destination: String) throws -> LayerBlob {
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        guard FileManager.default.createFile(atPath: destination, contents: nil),
              let handle = FileHandle(forWritingAtPath: destination) else {
            throw BuildFilesError(.io(operation: "create", path: destination, errno: errno))
        }
        defer { try? handle.close() }
        let gzip = try GzipStream(handle: handle, path: destination)
        for entry in sorted {
            let name = entry.path + (entry.isDirectory ? "/" : "")
            var size: UInt64 = 0
            if let source = entry.source, !entry.isDirectory {
                size = POSIX.status(source)?.size ?? 0
            }
            try gzip.write(header(name: name, mode: entry.mode, size: size, directory: entry.isDirectory))
            if let source = entry.source, !entry.isDirectory {
                let read = try POSIX.readChunks(source, sizeHint: size) { try gzip.write($0) }
                guard read == size else { throw BuildFilesError(.fileChangedWhileReading(path: source, expected: size, actual: read)) }
                let padding = Int((512 - size % 512) % 512)
                try gzip.write([UInt8](repeating: 0, count: padding))
            }
        }
        try gzip.write([UInt8](repeating: 0, count: 1024))
        return try gzip.finish()
    }

    /// The header block(s) of one entry: a PAX `path` record first when the name does not fit ustar.
    static func header(name: String, mode: UInt32, size: UInt64, directory: Bool) -> [UInt8] {
        let bytes = Array(name.utf8)
        var prefix: [UInt8] = []
        var short = bytes
        var out: [UInt8] = []
        if bytes.count > 100 {
            // Split at a slash so that name ≤ 100 and prefix ≤ 155; otherwise a PAX record carries the path.
            if let cut = bytes.indices.filter({ bytes[$0] == UInt8(ascii: "/") && $0 <= 155 && bytes.count - $0 - 1 <= 100 && $0 > 0 }).last {
                prefix = Array(bytes[..<cut])
                short = Array(bytes[(cut + 1)...])
            } else {
                let record = paxRecord("path", name)
                out += block(name: Array("PaxHeaders/\(bytes.count)".utf8), prefix: [], mode: 0o644, size: UInt64(record.count), type: "x")
                out += record + [UInt8](repeating: 0, count: (512 - record.count % 512) % 512)
                short = Array(bytes.suffix(100))
            }
        }
        out += block(name: short, prefix: prefix, mode: mode, size: size, type: directory ? "5" : "0")
        return out
    }

    private static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while "\(length)\(body)".utf8.count != length { length += 1 }
        return Array("\(length)\(body)".utf8)
    }

    private static func block(name: [UInt8], prefix: [UInt8], mode: UInt32, size: UInt64, type: Character) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int, width: Int) {
            for (index, byte) in bytes.prefix(width).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: UInt64, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(name, at: 0, width: 100)
        put(octal(UInt64(mode), width: 8), at: 100, width: 8)
        put(octal(0, width: 8), at: 108, width: 8)   // uid
        put(octal(0, width: 8), at: 116, width: 8)   // gid
        put(octal(size, width: 12), at: 124, width: 12)
        put(octal(0, width: 12), at: 136, width: 12) // mtime
        put([UInt8](repeating: UInt8(ascii: " "), count: 8), at: 148, width: 8)
        block[156] = UInt8(ascii: type.unicodeScalars.first!)
        put(Array("ustar\u{0}00".utf8), at: 257, width: 8)
        put(octal(0, width: 8), at: 329, width: 8)   // devmajor
        put(octal(0, width: 8), at: 337, width: 8)   // devminor
        put(prefix, at: 345, width: 155)
        let checksum = block.reduce(0) { $0 + UInt64($1) }
        let digits = String(checksum, radix: 8)
        put(Array((String(repeating: "0", count: max(0, 6 - digits.count)) + digits).utf8) + [0, UInt8(ascii: " ")], at: 148, width: 8)
        return block
    }
}

/// A gzip member (RFC 1952) written through `Deflater`: header with mtime 0 and no name,
/// deflate at level 6, CRC-32 and size trailer; hashes the input and the output as they pass.
final class GzipStream {
    private let handle: FileHandle
    private let path: String
    private let deflater: Deflater
    private var crc: UInt32 = 0
    private var inputSize: UInt64 = 0
    private var outputSize: Int64 = 0
    private var plainHash = SHA256()
    private var packedHash = SHA256()

    init(handle: FileHandle, path: String) throws {
        self.handle = handle
        self.path = path
        self.deflater = try Deflater(level: 6)
        try emit([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        plainHash.update(bufferPointer: bytes)
        crc = CRC32.update(crc, bytes)
        inputSize += UInt64(bytes.count)
        try deflater.deflate(bytes, finish: false, path: path) { try emit($0) }
    }

    func finish() throws -> LayerBlob {
        try deflater.deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, path: path) { try emit($0) }
        var trailer: [UInt8] = []
        for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        let size32 = UInt32(truncatingIfNeeded: inputSize)
        for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: size32 >> UInt32(shift))) }
        try emit(trailer)
        return LayerBlob(
            digest: "sha256:" + SHA256Digest(packedHash.finalize()).hex, size: outputSize,
            diffID: "sha256:" + SHA256Digest(plainHash.finalize()).hex)
    }

    private func emit(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try emit($0) } }

    private func emit(_ bytes: UnsafeRawBufferPointer) throws {
        packedHash.update(bufferPointer: bytes)
        outputSize += Int64(bytes.count)
        do { try handle.write(contentsOf: Data(bytes)) } catch {
            throw BuildFilesError(.io(operation: "write", path: path, errno: EIO))
        }
    }
}
