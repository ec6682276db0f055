// A streaming zip writer whose output depends only on file paths, executable bits and bytes.

/// Writes byte-identical zips for the same inputs, streaming each file once.
///
/// The format, fixed so that equal inputs give equal bytes:
/// - entries sorted bytewise by UTF-8 path; only files (no folder entries: Lambda and Python's
///   import system do not need them, so empty folders are not kept);
/// - every entry dated 1980-01-01 00:00 (DOS), no extra fields except ZIP64 when required, no comments;
/// - "made by Unix", external attributes `S_IFREG | 0644`, or `| 0755` when any execute bit is set
///   (setuid, setgid and sticky never kept);
/// - non-empty files deflated by the system zlib at `compressionLevel` (raw deflate, window 15,
///   memLevel 8, default strategy), empty files stored; identical bytes need the same zlib build;
/// - ZIP64 records when there are 65,535 entries or more, or a size or offset reaches 4 GiB
///   (a file of 4,278,190,080 bytes or more gets a ZIP64 local header up front).
///
/// The zip is written to a temporary file in the destination's folder and renamed into place, so a
/// failure never leaves a half-written zip at the destination.
package struct DeterministicZip: Sendable {
    /// The zlib compression level (0–9); part of the output's identity.
    package var compressionLevel: Int32
    /// Writes ZIP64 records for every entry and the end of the archive (for testing readers).
    var forceZip64 = false

    /// The default level, zlib's own default (6).
    package static let defaultCompressionLevel: Int32 = 6

    /// Files at least this large get a ZIP64 local header (deflate may grow data a little).
    static let zip64LocalThreshold: UInt64 = 0xFF00_0000

    /// A writer at `compressionLevel`.
    package init(compressionLevel: Int32 = defaultCompressionLevel) {
        self.compressionLevel = compressionLevel
    }

    /// Zips every file of `tree` under its relative path, with `prefix` (e.g. `"python/"` for a layer).
    package func write(_ tree: FileTree, prefix: String = "", to destination: String) throws -> ZipArchive {
        try write(entries: tree.entries, prefix: prefix, to: destination)
    }

    /// Zips `entries` (read from `sourcePath`, stored under `prefix + relativePath`) in bytewise path order.
    /// Fails on duplicate or unsafe archive paths (absolute, `..`, empty components).
    package func write(entries: [FileTreeEntry], prefix: String = "", to destination: String) throws -> ZipArchive {
        try write(entries: entries, prefix: prefix, parts: [], to: destination)
    }

    /// Zips `entries` together with the entries of `parts` (zips this type wrote earlier, whose
    /// compressed bytes are copied, not compressed again), all in one bytewise path order; a file of
    /// `entries` replaces a part's entry of the same archive path. The result is byte for byte the
    /// zip of a folder holding the parts' files with `entries` copied over them.
    package func write(entries: [FileTreeEntry], prefix: String = "", parts: [ArchivePart],
                      to destination: String) throws -> ZipArchive {
        let named = try Self.archiveNames(entries, prefix: prefix)
        let sources = try parts.map { try DeflatedEntries(path: $0.zipPath) }
        let items = Self.merge(named, parts: parts, sources: sources)
        let temporary = POSIX.temporarySibling(of: destination)
        do {
            let (unzipped, count) = try writeArchive(items, sources: sources, to: temporary)
            let size = try POSIX.lstatus(temporary).size
            let digest = try FileHasher.sha256(ofFile: temporary, expectedSize: size)
            try POSIX.rename(temporary, to: destination)
            return ZipArchive(path: destination, sha256: digest, size: size, unzippedSize: unzipped, entryCount: count)
        } catch {
            POSIX.removeFile(temporary)
            throw error
        }
    }

    private static func archiveNames(_ entries: [FileTreeEntry], prefix: String) throws -> [([UInt8], FileTreeEntry)] {
        var named = entries.map { (Array((prefix + $0.relativePath).utf8), $0) }
        named.sort { $0.0.lexicographicallyPrecedes($1.0) }
        var previous: [UInt8]?
        for (name, entry) in named {
            let text = String(decoding: name, as: UTF8.self)
            let components = text.split(separator: "/", omittingEmptySubsequences: false)
            if text.hasPrefix("/") || components.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." }) {
                throw BuildFilesError(.invalidArchivePath(path: text, source: entry.sourcePath))
            }
            if name == previous { throw BuildFilesError(.duplicateArchivePath(path: text)) }
            previous = name
        }
        return named
    }

    func writeArchive(_ named: [ZipItem], sources: [DeflatedEntries], to path: String) throws -> (UInt64, Int) {
        let output = try ZipOutput(creating: path)
        let deflater = try Deflater(level: compressionLevel)
        var central: [ZipCentralEntry] = []
        central.reserveCapacity(named.count)
        var unzipped: UInt64 = 0
        for item in named {
            try Task.checkCancellation()
            let record = switch item.source {
            case let .file(entry): try writeEntry(name: item.name, entry: entry, output: output, deflater: deflater)
            case let .copied(part, index): try copyEntry(name: item.name, sources[part].entries[index],
                                                         from: sources[part], output: output)
            }
            unzipped += record.uncompressedSize
            central.append(record)
        }
        let directoryOffset = output.offset
        for record in central { try output.write(ZipRecords.centralHeader(record)) }
        let directorySize = output.offset - directoryOffset
        try output.write(ZipRecords.end(entryCount: central.count, directoryOffset: directoryOffset,
                                        directorySize: directorySize, forceZip64: forceZip64))
        try output.flush()
        return (unzipped, central.count)
    }

    private func writeEntry(name: [UInt8], entry: FileTreeEntry, output: ZipOutput, deflater: Deflater) throws -> ZipCentralEntry {
        let offset = output.offset
        let permissions = entry.normalizedPermissions
        if entry.size == 0 {
            // Still read it: a file that grew since the walk must not be zipped as empty.
            let read = try POSIX.readChunks(entry.sourcePath) { _ in }
            guard read == 0 else {
                throw BuildFilesError(.fileChangedWhileReading(path: entry.sourcePath, expected: 0, actual: read))
            }
            try output.write(ZipRecords.localHeader(name: name, method: ZipRecords.methodStored, crc: 0,
                                                    compressed: 0, uncompressed: 0, zip64: forceZip64))
            return ZipCentralEntry(name: name, method: ZipRecords.methodStored, crc: 0, compressedSize: 0,
                                   uncompressedSize: 0, localHeaderOffset: offset, permissions: permissions,
                                   localZip64: forceZip64)
        }
        let zip64 = forceZip64 || entry.size >= Self.zip64LocalThreshold
        try output.write(ZipRecords.localHeader(name: name, method: ZipRecords.methodDeflated, crc: 0,
                                                compressed: 0, uncompressed: 0, zip64: zip64))
        let dataStart = output.offset
        var crc: UInt32 = 0
        let read = try POSIX.readChunks(entry.sourcePath, sizeHint: entry.size) { chunk in
            crc = CRC32.update(crc, chunk)
            try deflater.deflate(chunk, finish: false, path: entry.sourcePath) { try output.write($0) }
        }
        try deflater.deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, path: entry.sourcePath) {
            try output.write($0)
        }
        try deflater.reset()
        guard read == entry.size else {
            throw BuildFilesError(.fileChangedWhileReading(path: entry.sourcePath, expected: entry.size, actual: read))
        }
        let compressed = output.offset - dataStart
        if !zip64 && compressed >= ZipRecords.max32 {
            throw BuildFilesError(.zlib(operation: "deflate (output over 4 GiB without ZIP64)", code: 0, path: entry.sourcePath))
        }
        try output.patch(at: offset + ZipRecords.localCRCOffset,
                         ZipRecords.localSizes(crc: crc, compressed: compressed, uncompressed: read, zip64: zip64))
        if zip64 {
            try output.patch(at: offset + 30 + UInt64(name.count) + 4,
                             ZipRecords.localZip64Sizes(compressed: compressed, uncompressed: read))
        }
        return ZipCentralEntry(name: name, method: ZipRecords.methodDeflated, crc: crc, compressedSize: compressed,
                               uncompressedSize: read, localHeaderOffset: offset, permissions: permissions,
                               localZip64: zip64)
    }
}
