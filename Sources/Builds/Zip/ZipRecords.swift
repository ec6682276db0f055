// Byte layouts of the zip records Ferry writes (APPNOTE 6.3.x, sections 4.3.7 – 4.3.16).

/// What the central directory needs to know about one written entry.
struct ZipCentralEntry {
    let name: [UInt8]
    let method: UInt16
    let crc: UInt32
    let compressedSize: UInt64
    let uncompressedSize: UInt64
    let localHeaderOffset: UInt64
    let permissions: UInt16
    let localZip64: Bool
}

/// Builders for each record. Every entry has: the fixed DOS time 1980-01-01 00:00, no comment,
/// version made by "Unix" with Unix permissions in the external attributes, and no extra field except
/// a ZIP64 one when a size or offset needs it.
enum ZipRecords {
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1 // 1980-01-01
    static let max32: UInt64 = 0xFFFF_FFFF
    static let max16 = 0xFFFF
    static let methodStored: UInt16 = 0
    static let methodDeflated: UInt16 = 8

    /// General-purpose flags: bit 11 (names are UTF-8) when the name is not plain ASCII.
    static func flags(_ name: [UInt8]) -> UInt16 { name.contains { $0 >= 0x80 } ? 1 << 11 : 0 }

    static func versionNeeded(method: UInt16, zip64: Bool) -> UInt16 {
        zip64 ? 45 : (method == methodDeflated ? 20 : 10)
    }

    /// A local file header. With `zip64`, the 32-bit sizes are 0xFFFFFFFF and a ZIP64 extra field
    /// carries both 64-bit sizes (patched after the data is written).
    static func localHeader(name: [UInt8], method: UInt16, crc: UInt32, compressed: UInt64,
                            uncompressed: UInt64, zip64: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(30 + name.count + 20)
        out.appendLE(UInt32(0x0403_4b50))
        out.appendLE(versionNeeded(method: method, zip64: zip64))
        out.appendLE(flags(name))
        out.appendLE(method)
        out.appendLE(dosTime)
        out.appendLE(dosDate)
        out.appendLE(crc)
        out.appendLE(zip64 ? UInt32(max32) : UInt32(compressed))
        out.appendLE(zip64 ? UInt32(max32) : UInt32(uncompressed))
        out.appendLE(UInt16(name.count))
        out.appendLE(UInt16(zip64 ? 20 : 0))
        out.append(contentsOf: name)
        if zip64 {
            out.appendLE(UInt16(0x0001))
            out.appendLE(UInt16(16))
            out.appendLE(uncompressed)
            out.appendLE(compressed)
        }
        return out
    }

    /// Offset of the CRC within a local header.
    static let localCRCOffset: UInt64 = 14

    /// The bytes from the CRC to the uncompressed size (patched once the data is written).
    static func localSizes(crc: UInt32, compressed: UInt64, uncompressed: UInt64, zip64: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.appendLE(crc)
        out.appendLE(zip64 ? UInt32(max32) : UInt32(compressed))
        out.appendLE(zip64 ? UInt32(max32) : UInt32(uncompressed))
        return out
    }

    /// The ZIP64 sizes inside a local header's extra field, at `30 + nameLength + 4`.
    static func localZip64Sizes(compressed: UInt64, uncompressed: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.appendLE(uncompressed)
        out.appendLE(compressed)
        return out
    }

    /// A central directory file header; 64-bit values go in a ZIP64 extra field when they overflow
    /// (or always for entries whose local header used ZIP64, so both agree).
    static func centralHeader(_ entry: ZipCentralEntry) -> [UInt8] {
        let bigSizes = entry.localZip64 || entry.uncompressedSize >= max32 || entry.compressedSize >= max32
        let bigOffset = entry.localHeaderOffset >= max32
        var extra: [UInt8] = []
        if bigSizes {
            extra.appendLE(entry.uncompressedSize)
            extra.appendLE(entry.compressedSize)
        }
        if bigOffset { extra.appendLE(entry.localHeaderOffset) }
        let zip64 = !extra.isEmpty
        let version = versionNeeded(method: entry.method, zip64: zip64 || entry.localZip64)
        var out: [UInt8] = []
        out.reserveCapacity(46 + entry.name.count + extra.count + 4)
        out.appendLE(UInt32(0x0201_4b50))
        out.appendLE(UInt16(3 << 8) | version) // made by Unix
        out.appendLE(version)
        out.appendLE(flags(entry.name))
        out.appendLE(entry.method)
        out.appendLE(dosTime)
        out.appendLE(dosDate)
        out.appendLE(entry.crc)
        out.appendLE(bigSizes ? UInt32(max32) : UInt32(entry.compressedSize))
        out.appendLE(bigSizes ? UInt32(max32) : UInt32(entry.uncompressedSize))
        out.appendLE(UInt16(entry.name.count))
        out.appendLE(UInt16(zip64 ? extra.count + 4 : 0))
        out.appendLE(UInt16(0)) // comment length
        out.appendLE(UInt16(0)) // disk number start
        out.appendLE(UInt16(0)) // internal attributes
        out.appendLE(UInt32(0o100000 | UInt32(entry.permissions)) << 16) // regular file + permissions
        out.appendLE(bigOffset ? UInt32(max32) : UInt32(entry.localHeaderOffset))
        out.append(contentsOf: entry.name)
        if zip64 {
            out.appendLE(UInt16(0x0001))
            out.appendLE(UInt16(extra.count))
            out.append(contentsOf: extra)
        }
        return out
    }

    /// The end records: ZIP64 end of central directory record and locator when needed, then the
    /// classic end of central directory record (no comment).
    static func end(entryCount: Int, directoryOffset: UInt64, directorySize: UInt64, forceZip64: Bool) -> [UInt8] {
        let zip64 = forceZip64 || entryCount >= max16 || directoryOffset >= max32 || directorySize >= max32
        var out: [UInt8] = []
        if zip64 {
            let recordOffset = directoryOffset + directorySize
            out.appendLE(UInt32(0x0606_4b50))
            out.appendLE(UInt64(44))
            out.appendLE(UInt16(3 << 8 | 45))
            out.appendLE(UInt16(45))
            out.appendLE(UInt32(0))
            out.appendLE(UInt32(0))
            out.appendLE(UInt64(entryCount))
            out.appendLE(UInt64(entryCount))
            out.appendLE(directorySize)
            out.appendLE(directoryOffset)
            out.appendLE(UInt32(0x0706_4b50))
            out.appendLE(UInt32(0))
            out.appendLE(recordOffset)
            out.appendLE(UInt32(1))
        }
        out.appendLE(UInt32(0x0605_4b50))
        out.appendLE(UInt16(0))
        out.appendLE(UInt16(0))
        out.appendLE(zip64 ? UInt16(max16) : UInt16(entryCount))
        out.appendLE(zip64 ? UInt16(max16) : UInt16(entryCount))
        out.appendLE(zip64 ? UInt32(max32) : UInt32(directorySize))
        out.appendLE(zip64 ? UInt32(max32) : UInt32(directoryOffset))
        out.appendLE(UInt16(0))
        return out
    }
}
