// The compressed entries of a zip Ferry wrote, ready to be copied into another zip unchanged.
import Foundation

/// A zip written by `DeterministicZip` (without a prefix) read back as its entries: name, method,
/// CRC, sizes, permissions and where each entry's compressed bytes lie, so a larger zip can be
/// assembled by copying those bytes instead of compressing the files again.
///
/// The file is memory-mapped; nothing is decompressed. Every entry `DeterministicZip` writes is
/// compressed on its own (the deflater is reset between files), so an entry's bytes do not depend
/// on the entries around it and copying them gives what compressing the file again would.
struct DeflatedEntries {
    /// One entry of the zip.
    struct Entry {
        let name: [UInt8]
        let method: UInt16
        let crc: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let permissions: UInt16
        /// The central header's external attributes (the Unix mode, file type included, in the high 16 bits).
        let attributes: UInt32
        /// True when the local header carried a ZIP64 extra field.
        let localZip64: Bool
        /// Offset of the compressed bytes in the file.
        let dataOffset: Int
    }

    /// The zip's path.
    let path: String
    /// The zip's bytes (mapped).
    let data: Data
    /// Entries in the zip's order (bytewise by name).
    let entries: [Entry]

    /// Reads the zip at `path`; throws when it is not a zip of the shape `DeterministicZip` writes.
    init(path: String) throws {
        self.path = path
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw BuildFilesError(.io(operation: "read", path: path, errno: 5))
        }
        entries = try data.withUnsafeBytes { try Self.parse($0, path: path) }
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, path: String) throws -> [Entry] {
        func bad(_ why: String) -> BuildFilesError {
            BuildFilesError(.zlib(operation: "read stored dependency entries (\(why))", code: 0, path: path))
        }
        guard bytes.count >= 22 else { throw bad("too short") }
        var end = bytes.count - 22
        while end >= 0 && le32(bytes, end) != 0x0605_4b50 { end -= 1 }
        guard end >= 0 else { throw bad("no end record") }
        var count = UInt64(le16(bytes, end + 10))
        var directoryOffset = UInt64(le32(bytes, end + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0, le32(bytes, locator) == 0x0706_4b50 else { throw bad("no ZIP64 locator") }
            let record = Int(le64(bytes, locator + 8))
            guard record + 56 <= bytes.count, le32(bytes, record) == 0x0606_4b50 else { throw bad("no ZIP64 record") }
            count = le64(bytes, record + 32)
            directoryOffset = le64(bytes, record + 48)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var position = Int(directoryOffset)
        for _ in 0..<count {
            guard position + 46 <= bytes.count, le32(bytes, position) == 0x0201_4b50 else { throw bad("bad central header") }
            let method = le16(bytes, position + 10)
            let crc = le32(bytes, position + 16)
            var compressed = UInt64(le32(bytes, position + 20))
            var uncompressed = UInt64(le32(bytes, position + 24))
            let nameLength = Int(le16(bytes, position + 28))
            let extraLength = Int(le16(bytes, position + 30))
            let commentLength = Int(le16(bytes, position + 32))
            let attributes = le32(bytes, position + 38)
            var localOffset = UInt64(le32(bytes, position + 42))
            let nameStart = position + 46
            guard nameStart + nameLength + extraLength + commentLength <= bytes.count else { throw bad("truncated") }
            let name = Array(bytes[nameStart..<nameStart + nameLength])
            var field = nameStart + nameLength + 4 // inside the ZIP64 extra field, when there is one
            if uncompressed == 0xFFFF_FFFF { uncompressed = le64(bytes, field); field += 8 }
            if compressed == 0xFFFF_FFFF { compressed = le64(bytes, field); field += 8 }
            if localOffset == 0xFFFF_FFFF { localOffset = le64(bytes, field) }
            let local = Int(localOffset)
            guard local + 30 <= bytes.count, le32(bytes, local) == 0x0403_4b50 else { throw bad("bad local header") }
            let localExtra = Int(le16(bytes, local + 28))
            let dataOffset = local + 30 + Int(le16(bytes, local + 26)) + localExtra
            guard dataOffset + Int(compressed) <= bytes.count else { throw bad("truncated data") }
            entries.append(Entry(name: name, method: method, crc: crc, compressedSize: compressed,
                                 uncompressedSize: uncompressed, permissions: UInt16((attributes >> 16) & 0o7777), attributes: attributes,
                                 localZip64: localExtra == 20, dataOffset: dataOffset))
            position = nameStart + nameLength + extraLength + commentLength
        }
        return entries
    }

    private static func le16(_ b: UnsafeRawBufferPointer, _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func le32(_ b: UnsafeRawBufferPointer, _ i: Int) -> UInt32 { UInt32(le16(b, i)) | UInt32(le16(b, i + 2)) << 16 }
    private static func le64(_ b: UnsafeRawBufferPointer, _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
}
