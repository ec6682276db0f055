// Installing a plain pure-Python wheel by unpacking it, as `pip install --target --no-compile` would.
import Foundation

/// Installs a pure-Python wheel into a folder without pip, giving the files pip's installer writes
/// before `InstalledPackagesNormalizer` runs, minus what the normaliser removes anyway (`INSTALLER`,
/// `REQUESTED`, `direct_url.json`, `bin/` scripts and their `RECORD` lines).
///
/// Only plain wheels are unpacked: `Root-Is-Purelib: true`, no `<name>.data/` folder, safe
/// relative paths, and no file the folder already has (pip's `--target` would skip an existing
/// top-level item). Files get pip's modes (the umask's default; executable when the zip entry is a
/// regular file with an execute bit) and the `RECORD` is written as pip writes it: the wheel's rows,
/// then `path,,` for each file the wheel has but its `RECORD` omits, sorted, CSV with `\r\n`.
enum WheelUnpacker {
    /// Unpacks `wheel` into `folder`; false (nothing written) when the wheel is not a plain one.
    static func unpack(_ wheel: String, into folder: String) throws -> Bool {
        let zip = try DeflatedEntries(path: wheel)
        var files: [(path: String, entry: DeflatedEntries.Entry)] = []
        for entry in zip.entries {
            guard let path = String(validating: entry.name, as: UTF8.self) else { return false }
            if path.hasSuffix("/") { continue } // a folder entry: folders are made as files need them
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
                  !path.contains("\\"), entry.method == 0 || entry.method == 8 else { return false }
            files.append((path, entry))
        }
        let topLevel = Set(files.map { String($0.path.prefix { $0 != "/" }) })
        let infos = topLevel.filter { $0.hasSuffix(".dist-info") }
        guard infos.count == 1, let info = infos.first, !topLevel.contains(where: { $0.hasSuffix(".data") }) else { return false }
        var contents: [String: Data] = [:]
        for (path, entry) in files {
            guard POSIX.status(joinPath(folder, path)) == nil else { return false }
            contents[path] = try zip.data.withUnsafeBytes { bytes in
                let slice = UnsafeRawBufferPointer(rebasing: bytes[entry.dataOffset..<entry.dataOffset + Int(entry.compressedSize)])
                let data = entry.method == 0 ? Data(slice) : try Inflater.inflate(slice, size: Int(entry.uncompressedSize), path: wheel)
                let crc = data.withUnsafeBytes { CRC32.update(0, $0) }
                guard crc == entry.crc else { throw BuildFilesError(.zlib(operation: "check \(path)", code: 0, path: wheel)) }
                return data
            }
        }
        guard let wheelText = contents[info + "/WHEEL"].map({ String(decoding: $0, as: UTF8.self) }),
              wheelText.split(separator: "\n").contains(where: {
                  $0.lowercased().replacingOccurrences(of: " ", with: "").trimmingCharacters(in: .init(charactersIn: "\r"))
                      == "root-is-purelib:true" }),
              let record = contents[info + "/RECORD"] else { return false }
        for (path, entry) in files {
            let target = joinPath(folder, path)
            try POSIX.makeDirectories((target as NSString).deletingLastPathComponent)
            try contents[path]!.write(to: URL(fileURLWithPath: target))
            let mode = entry.attributes >> 16
            if mode & 0o170000 == 0o100000 && mode & 0o111 != 0 {
                let current = (try POSIX.lstatus(target)).mode
                try FileManager.default.setAttributes([.posixPermissions: Int(current | 0o111)], ofItemAtPath: target)
            }
        }
        let rows = installedRecord(record, files: files.map(\.path))
        try Data(rows.utf8).write(to: URL(fileURLWithPath: joinPath(folder, info + "/RECORD")))
        return true
    }

    /// The installed `RECORD`: the wheel's rows (first three fields), then `path,,` for each file
    /// not listed, sorted as pip sorts them (by path, hash, size, code point order), CSV lines
    /// ending in `\r\n`.
    static func installedRecord(_ record: Data, files: [String]) -> String {
        var rows: [[String]] = []
        var listed: Set<String> = []
        for line in String(decoding: record, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var fields = csvFields(String(line))
            guard !fields.isEmpty else { continue }
            fields = Array((fields + ["", ""]).prefix(3))
            rows.append(fields)
            listed.insert(fields[0])
        }
        for path in files where !listed.contains(path) { rows.append([path, "", ""]) }
        rows.sort { a, b in
            for (x, y) in zip(a, b) where x != y { return Array(x.unicodeScalars.map(\.value)).lexicographicallyPrecedes(y.unicodeScalars.map(\.value)) }
            return false
        }
        return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Fields of one CSV line (Python's `csv.reader`: `"` quotes, `""` inside quotes).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if quoted {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex && line[next] == "\"" { field.append("\""); index = next } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            index = line.index(after: index)
        }
        fields.append(field)
        return fields
    }

    /// A field as Python's `csv.writer` writes it (quoted only when it holds `,`, `"`, `\r` or `\n`).
    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
