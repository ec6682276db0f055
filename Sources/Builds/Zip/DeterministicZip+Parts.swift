// Assembling a zip from files to compress and entries already compressed in another zip.
import Foundation

/// A zip written earlier by `DeterministicZip` (without a prefix) whose entries go into a new zip
/// under `prefix`, copied as they are compressed: a dependency tree deflated once and shared by
/// every artifact that bundles it.
package struct ArchivePart: Sendable, Hashable {
    /// The zip holding the entries (written by `DeterministicZip` without a prefix).
    package var zipPath: String
    /// The folder the zip was made from (the same files, for reading and tests).
    package var folder: String
    /// What each entry's name gets in front in the new zip (`python/` for a layer).
    package var prefix: String

    /// A part.
    package init(zipPath: String, folder: String, prefix: String = "") {
        self.zipPath = zipPath
        self.folder = folder
        self.prefix = prefix
    }
}

/// One entry of a zip being written: a file to compress, or an entry of a part to copy.
struct ZipItem {
    enum Source {
        case file(FileTreeEntry)
        /// Part number and entry index.
        case copied(Int, Int)
    }

    let name: [UInt8]
    let source: Source
}

extension DeterministicZip {
    /// The files and the parts' entries in bytewise name order; a file hides a part's entry of the
    /// same name, and an earlier part hides a later one's.
    static func merge(_ files: [([UInt8], FileTreeEntry)], parts: [ArchivePart], sources: [DeflatedEntries]) -> [ZipItem] {
        var items = files.map { ZipItem(name: $0.0, source: .file($0.1)) }
        var taken = Set(files.map(\.0))
        for (number, source) in sources.enumerated() {
            let prefix = Array(parts[number].prefix.utf8)
            for (index, entry) in source.entries.enumerated() {
                let name = prefix + entry.name
                guard taken.insert(name).inserted else { continue }
                items.append(ZipItem(name: name, source: .copied(number, index)))
            }
        }
        items.sort { $0.name.lexicographicallyPrecedes($1.name) }
        return items
    }

    /// Writes a local header with the entry's CRC and sizes and copies its compressed bytes: the
    /// same bytes `writeEntry` gives for the file the entry was made from.
    func copyEntry(name: [UInt8], _ entry: DeflatedEntries.Entry, from source: DeflatedEntries,
                   output: ZipOutput) throws -> ZipCentralEntry {
        let offset = output.offset
        let zip64 = forceZip64 || entry.localZip64
        try output.write(ZipRecords.localHeader(name: name, method: entry.method, crc: entry.crc,
                                                compressed: entry.compressedSize, uncompressed: entry.uncompressedSize,
                                                zip64: zip64))
        try source.data.withUnsafeBytes { raw in
            let start = entry.dataOffset
            try output.write(UnsafeRawBufferPointer(rebasing: raw[start..<start + Int(entry.compressedSize)]))
        }
        return ZipCentralEntry(name: name, method: entry.method, crc: entry.crc, compressedSize: entry.compressedSize,
                               uncompressedSize: entry.uncompressedSize, localHeaderOffset: offset,
                               permissions: entry.permissions, localZip64: zip64)
    }
}
