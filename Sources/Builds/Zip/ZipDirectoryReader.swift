// Reading an existing zip's central directory (entry count and unzipped size).
import Foundation

/// Reads the central directory of an existing zip (a prebuilt artifact) to learn its entry count
/// and the sum of its entries' uncompressed sizes, ZIP64 included. Nothing is decompressed.
enum ZipDirectoryReader {
    struct Summary: Sendable, Hashable {
        let entryCount: Int
        let unzippedSize: UInt64
    }

    /// The summary of the zip at `path`, or nil when it is not a readable zip.
    static func summary(ofFile path: String) -> Summary? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 22 else { return nil }
        let tailLength = min(size, 65_557)
        guard let tail = bytes(handle, at: size - tailLength, count: Int(tailLength)) else { return nil }
        guard let end = lastIndex(of: 0x0605_4b50, in: tail, from: tail.count - 22) else { return nil }
        var count = UInt64(le16(tail, end + 10))
        var directorySize = UInt64(le32(tail, end + 12))
        var directoryOffset = UInt64(le32(tail, end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0, le32(tail, locator) == 0x0706_4b50 else { return nil }
            let recordOffset = le64(tail, locator + 8)
            guard let record = bytes(handle, at: recordOffset, count: 56), le32(record, 0) == 0x0606_4b50 else {
                return nil
            }
            count = le64(record, 32)
            directorySize = le64(record, 40)
            directoryOffset = le64(record, 48)
        }
        guard directoryOffset + directorySize <= size,
              let directory = bytes(handle, at: directoryOffset, count: Int(directorySize)) else { return nil }
        var position = 0
        var total: UInt64 = 0
        for _ in 0..<count {
            guard position + 46 <= directory.count, le32(directory, position) == 0x0201_4b50 else { return nil }
            var uncompressed = UInt64(le32(directory, position + 24))
            let nameLength = Int(le16(directory, position + 28))
            let extraLength = Int(le16(directory, position + 30))
            let commentLength = Int(le16(directory, position + 32))
            let extraStart = position + 46 + nameLength
            guard extraStart + extraLength + commentLength <= directory.count else { return nil }
            if uncompressed == 0xFFFF_FFFF {
                uncompressed = zip64Uncompressed(directory, from: extraStart, length: extraLength) ?? uncompressed
            }
            total += uncompressed
            position = extraStart + extraLength + commentLength
        }
        return Summary(entryCount: Int(count), unzippedSize: total)
    }

    /// Exactly `count` bytes at `offset`, or nil.
    private static func bytes(_ handle: FileHandle, at offset: UInt64, count: Int) -> [UInt8]? {
        guard (try? handle.seek(toOffset: offset)) != nil else { return nil }
        guard count > 0 else { return [] }
        guard let data = try? handle.read(upToCount: count), data.count == count else { return nil }
        return [UInt8](data)
    }

    private static func zip64Uncompressed(_ bytes: [UInt8], from start: Int, length: Int) -> UInt64? {
        var position = start
        while position + 4 <= start + length {
            let id = le16(bytes, position)
            let size = Int(le16(bytes, position + 2))
            if id == 0x0001, size >= 8 { return le64(bytes, position + 4) }
            position += 4 + size
        }
        return nil
    }

    private static func lastIndex(of signature: UInt32, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index >= 0 {
            if le32(bytes, index) == signature { return index }
            index -= 1
        }
        return nil
    }

    private static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func le32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(le16(b, i)) | UInt32(le16(b, i + 2)) << 16 }
    private static func le64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
}
