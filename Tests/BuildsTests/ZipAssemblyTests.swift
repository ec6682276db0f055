// Zips assembled from stored compressed entries equal zips compressed from the whole folder.
import Foundation
import Testing
@testable import Builds

@Suite("Zip assembly from parts")
struct ZipAssemblyTests {
    /// Writes a dependency-like tree of `count` files: nested packages, empty files, executables,
    /// non-ASCII names, repetitive and random bytes.
    static func writeTree(_ folder: TestFolder, _ root: String, count: Int, seed: UInt64, packages: String = "pkg") throws {
        var generator = SeededGenerator(seed: seed)
        for index in 0..<count {
            let package = "\(packages)\(index % 7)/sub\(index % 3)"
            let name = index % 29 == 0 ? "módulo_\(index).py" : "m\(index).py"
            var bytes: [UInt8]
            switch index % 5 {
            case 0: bytes = []
            case 1: bytes = (0..<(index * 37 % 5000)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            default: bytes = Array(String(repeating: "def f\(index)(x):\n    return x * \(index)\n", count: index % 50 + 1).utf8)
            }
            try folder.write("\(root)/\(package)/\(name)", Data(bytes), mode: index % 11 == 0 ? 0o755 : 0o644)
        }
        try folder.write("\(root)/pkg-1.0.dist-info/RECORD", "\(root)/__init__.py,,\r\n")
    }

    @Test("a function's own files plus a stored tree give the bytes of the zip of one folder holding both, with and without a prefix")
    func assembledEqualsWhole() throws {
        let folder = try TestFolder("zip-assembly")
        try Self.writeTree(folder, "deps", count: 400, seed: 7)
        try Self.writeTree(folder, "own", count: 40, seed: 11, packages: "fn")
        // The function's own files replace the tree's files of the same path.
        try folder.write("deps/shadowed.py", "OLD = 1\n")
        try folder.write("own/shadowed.py", "NEW = 2\n", mode: 0o755)
        let stored = try DeterministicZip().write(FileTree.scan(folder.url("deps"), rules: .always, readIgnoreFile: false),
                                                  to: folder.url("deps.zip"))
        #expect(stored.entryCount == 402)
        for prefix in ["", "python/"] {
            // Today's way: one folder with the tree's files and the own files copied over them.
            let whole = folder.url("whole-\(prefix.count)")
            try FolderCopy.copy(FileTree.scan(folder.url("deps"), rules: .always, readIgnoreFile: false), to: whole, prefix: prefix)
            try FolderCopy.copy(FileTree.scan(folder.url("own"), rules: .always, readIgnoreFile: false), to: whole, prefix: prefix)
            let expected = try DeterministicZip().write(FileTree.scan(whole, rules: .always, readIgnoreFile: false),
                                                        to: folder.url("whole-\(prefix.count).zip"))
            // The new way: only the own files compressed, the tree's entries copied.
            let own = try FileTree.scan(folder.url("own"), rules: .always, readIgnoreFile: false)
            let part = ArchivePart(zipPath: folder.url("deps.zip"), folder: folder.url("deps"), prefix: prefix)
            let assembled = try DeterministicZip().write(entries: own.entries, prefix: prefix, parts: [part],
                                                         to: folder.url("assembled-\(prefix.count).zip"))
            #expect(try readBytes(expected.path) == readBytes(assembled.path), "prefix '\(prefix)'")
            #expect(expected.sha256 == assembled.sha256 && expected.entryCount == assembled.entryCount)
            #expect(assembled.entryCount == 402 + 40)
        }
    }

    @Test("an artifact with no own files is the stored tree's entries as they are")
    func partOnly() throws {
        let folder = try TestFolder("zip-part-only")
        try Self.writeTree(folder, "deps", count: 60, seed: 3)
        let stored = try DeterministicZip().write(FileTree.scan(folder.url("deps"), rules: .always, readIgnoreFile: false),
                                                  to: folder.url("deps.zip"))
        let part = ArchivePart(zipPath: stored.path, folder: folder.url("deps"))
        let assembled = try DeterministicZip().write(entries: [], parts: [part], to: folder.url("copy.zip"))
        #expect(try readBytes(stored.path) == readBytes(assembled.path))
        let unzip = try run("unzip", ["-t", assembled.path])
        #expect(unzip.status == 0, "\(unzip.output)")
    }
}

/// A small deterministic random generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
