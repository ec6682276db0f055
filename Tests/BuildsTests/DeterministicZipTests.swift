// Deterministic zip output: identity, format as read by Python, modes, order, links.
import Foundation
import Testing
@testable import Builds

@Suite("DeterministicZip")
struct DeterministicZipTests {
    /// A small function folder with nested files, an empty file, an executable and a UTF-8 name.
    static func makeSource(_ folder: TestFolder) throws {
        try folder.write("app.py", "def handler(event, context):\n    return {'ok': True}\n")
        try folder.write("lib/util.py", String(repeating: "x = 1\n", count: 2000))
        try folder.write("lib/__init__.py", "")
        try folder.write("bin/tool", "#!/bin/sh\necho hi\n", mode: 0o700)
        try folder.write("données/é.txt", "accents\n")
    }

    static func zip(_ source: String, to destination: String) throws -> ZipArchive {
        try DeterministicZip().write(FileTree.scan(source), to: destination)
    }

    @Test("same inputs in two folders and after touching mtimes give byte-identical zips")
    func byteIdentical() throws {
        let first = try TestFolder("src1"), second = try TestFolder("src2"), out = try TestFolder("out")
        try Self.makeSource(first)
        try Self.makeSource(second)
        try second.touchAll(Date(timeIntervalSince1970: 1_700_000_000))
        let a = try Self.zip(first.path, to: out.url("a.zip"))
        let b = try Self.zip(second.path, to: out.url("b.zip"))
        #expect(try readBytes(a.path) == readBytes(b.path))
        #expect(a.sha256 == b.sha256)
        try first.touchAll(Date(timeIntervalSince1970: 1_000))
        let c = try Self.zip(first.path, to: out.url("c.zip"))
        #expect(c.sha256 == a.sha256)
        try first.write("app.py", "def handler(event, context):\n    return {'ok': False}\n")
        let d = try Self.zip(first.path, to: out.url("d.zip"))
        #expect(d.sha256 != a.sha256)
    }

    @Test("Python's zipfile reads names, modes, dates, methods and contents")
    func pythonReadsArchive() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        try Self.makeSource(source)
        let archive = try Self.zip(source.path, to: out.url("f.zip"))
        let script = """
            import sys, zipfile, hashlib, base64
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                print(i.filename, oct(i.external_attr >> 16), i.date_time, i.compress_type, i.create_system, len(i.extra), hashlib.sha256(z.read(i)).hexdigest())
            data = open(sys.argv[1], 'rb').read()
            print('sha', hashlib.sha256(data).hexdigest(), base64.b64encode(hashlib.sha256(data).digest()).decode())
            """
        let lines = try python(script, [archive.path]).split(separator: "\n").map(String.init)
        let names = lines.dropLast().map { String($0.split(separator: " ")[0]) }
        #expect(names == ["app.py", "bin/tool", "données/é.txt", "lib/__init__.py", "lib/util.py"])
        for line in lines.dropLast() {
            let fields = line.split(separator: " ").map(String.init)
            let isTool = fields[0] == "bin/tool"
            #expect(fields[1] == (isTool ? "0o100755" : "0o100644"), "mode of \(fields[0])")
            #expect(line.contains("(1980, 1, 1, 0, 0, 0)"))
            let isEmpty = fields[0] == "lib/__init__.py"
            #expect(fields[fields.count - 4] == (isEmpty ? "0" : "8"), "method of \(fields[0])")
            #expect(fields[fields.count - 3] == "3", "made by Unix")
            #expect(fields[fields.count - 2] == "0", "no extra field")
            let expected = try FileHasher.sha256(ofFile: source.url(fields[0])).hex
            #expect(fields.last == expected, "content of \(fields[0])")
        }
        #expect(lines.last == "sha \(archive.sha256.hex) \(archive.sha256.base64)")
        #expect(archive.entryCount == 5)
        let expectedUnzipped = try FileTree.scan(source.path).totalSize
        #expect(archive.unzippedSize == expectedUnzipped)
        let zipBytes = try readBytes(archive.path)
        #expect(archive.size == UInt64(zipBytes.count))
        if which("unzip") != nil {
            let check = try run("unzip", ["-t", archive.path])
            #expect(check.status == 0, "unzip -t: \(check.output)")
        }
    }

    @Test("the zip is byte for byte what Python's zipfile writes with the same fixed settings")
    func matchesPythonZipfile() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        try Self.makeSource(source)
        try source.write("lib/__init__.py", "# not empty: Python deflates empty files, Ferry stores them\n")
        let archive = try Self.zip(source.path, to: out.url("ferry.zip"))
        _ = try python("""
            import os, sys, zipfile
            root, target = sys.argv[1], sys.argv[2]
            paths = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)
            with zipfile.ZipFile(target, "w") as z:
                for name in paths:
                    full = os.path.join(root, name)
                    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                    info.external_attr = (0o100755 if os.stat(full).st_mode & 0o111 else 0o100644) << 16
                    info.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(info, open(full, "rb").read(), compresslevel=6)
            """, [source.path, out.url("python.zip")])
        #expect(try readBytes(archive.path) == readBytes(out.url("python.zip")))
    }

    @Test("entries are in bytewise UTF-8 path order")
    func entryOrder() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        for name in ["b", "B", "a.txt", "a/b", "a-b", "é", "z/a", "Z"] { try source.write(name, name) }
        let archive = try Self.zip(source.path, to: out.url("o.zip"))
        let listed = try python("import sys, zipfile\nprint('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", [archive.path])
        #expect(listed.split(separator: "\n").map(String.init) == ["B", "Z", "a-b", "a.txt", "a/b", "b", "z/a", "é"])
    }

    @Test("any execute bit gives 0755, setuid/setgid/sticky are dropped, other modes give 0644")
    func permissions() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        try source.write("owner-x", "1", mode: 0o744)
        try source.write("other-x", "2", mode: 0o601)
        try source.write("setuid", "3", mode: 0o4755)
        try source.write("sticky-plain", "4", mode: 0o1600)
        try source.write("readonly", "5", mode: 0o400)
        let archive = try Self.zip(source.path, to: out.url("p.zip"))
        let listed = try python("""
            import sys, zipfile
            for i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, oct(i.external_attr >> 16))
            """, [archive.path])
        let modes = Dictionary(uniqueKeysWithValues: listed.split(separator: "\n").map {
            let parts = $0.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        })
        #expect(modes == ["owner-x": "0o100755", "other-x": "0o100755", "setuid": "0o100755",
                          "sticky-plain": "0o100644", "readonly": "0o100644"])
    }

    @Test("a symbolic link escaping the root is an error naming the link and its target")
    func escapingLink() throws {
        let outside = try TestFolder("outside"), source = try TestFolder("src")
        try outside.write("secret.txt", "no")
        try source.write("app.py", "x")
        try source.symlink("lib/leak.txt", to: outside.url("secret.txt"))
        let error = try #require(throws: BuildFilesError.self) { try FileTree.scan(source.path) }
        #expect(error.description.contains("lib/leak.txt"))
        #expect(error.description.contains(outside.url("secret.txt")))
        try FileManager.default.removeItem(atPath: source.url("lib/leak.txt"))
        try source.symlink("up", to: "../")
        let relative = try #require(throws: BuildFilesError.self) { try FileTree.scan(source.path) }
        #expect(relative.description.contains("'up' points to '../'"))
    }

    @Test("links inside the root are followed: file content stored, linked folder walked under the link's path")
    func innerLinksFollowed() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        try source.write("shared/config.json", "{\"a\":1}")
        try source.write("shared/run.sh", "#!/bin/sh\n", mode: 0o755)
        try source.symlink("config.json", to: "shared/config.json")
        try source.symlink("alias", to: "shared")
        let tree = try FileTree.scan(source.path)
        #expect(tree.entries.map(\.relativePath) == ["alias/config.json", "alias/run.sh", "config.json",
                                                     "shared/config.json", "shared/run.sh"])
        #expect(tree.entries.first { $0.relativePath == "alias/run.sh" }?.isExecutable == true)
        let archive = try DeterministicZip().write(tree, to: out.url("l.zip"))
        let content = try python("import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).read('config.json').decode())", [archive.path])
        #expect(content.trimmingCharacters(in: .whitespacesAndNewlines) == "{\"a\":1}")
    }

    @Test("a link to a folder that contains it is a cycle error; a broken link is an error")
    func cycleAndBrokenLinks() throws {
        let source = try TestFolder("src")
        try source.write("a/file", "x")
        try source.symlink("a/loop", to: "..")
        let cycle = try #require(throws: BuildFilesError.self) { try FileTree.scan(source.path) }
        #expect(cycle.description.contains("a/loop"))
        try FileManager.default.removeItem(atPath: source.url("a/loop"))
        try source.symlink("dangling", to: "nowhere.txt")
        let broken = try #require(throws: BuildFilesError.self) { try FileTree.scan(source.path) }
        #expect(broken.description.contains("dangling"))
        #expect(broken.description.contains("nowhere.txt"))
    }

    @Test("a failure while writing leaves no zip and no temporary file")
    func failureLeavesNothing() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        try source.write("a.txt", "a")
        var entries = try FileTree.scan(source.path).entries
        entries.append(FileTreeEntry(relativePath: "b.txt", sourcePath: source.url("missing"), size: 3, isExecutable: false))
        #expect(throws: BuildFilesError.self) { try DeterministicZip().write(entries: entries, to: out.url("x.zip")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        let grown = [FileTreeEntry(relativePath: "a.txt", sourcePath: source.url("a.txt"), size: 0, isExecutable: false)]
        let error = try #require(throws: BuildFilesError.self) { try DeterministicZip().write(entries: grown, to: out.url("y.zip")) }
        #expect(error.description.contains("changed while it was read"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test("duplicate and unsafe archive paths are rejected; a prefix is applied")
    func archivePaths() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        let file = try source.write("m.py", "m")
        let duplicate = [FileTreeEntry(relativePath: "m.py", sourcePath: file, size: 1, isExecutable: false),
                         FileTreeEntry(relativePath: "m.py", sourcePath: file, size: 1, isExecutable: false)]
        #expect(throws: BuildFilesError.self) { try DeterministicZip().write(entries: duplicate, to: out.url("d.zip")) }
        let unsafe = [FileTreeEntry(relativePath: "../m.py", sourcePath: file, size: 1, isExecutable: false)]
        #expect(throws: BuildFilesError.self) { try DeterministicZip().write(entries: unsafe, to: out.url("u.zip")) }
        let layer = try DeterministicZip().write(FileTree.scan(source.path), prefix: "python/", to: out.url("layer.zip"))
        let names = try python("import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).namelist())", [layer.path])
        #expect(names.trimmingCharacters(in: .whitespacesAndNewlines) == "['python/m.py']")
    }

    @Test("ZIP64 records (forced) are read by Python")
    func zip64Forced() throws {
        let source = try TestFolder("src"), out = try TestFolder("out")
        try Self.makeSource(source)
        var writer = DeterministicZip()
        writer.forceZip64 = true
        let archive = try writer.write(FileTree.scan(source.path), to: out.url("z64.zip"))
        let output = try python("""
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(len(z.infolist()), sum(i.file_size for i in z.infolist()))
            """, [archive.path])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "5 \(archive.unzippedSize)")
    }

    @Test("20,000 small files zip and Python reads them all")
    func manySmallFiles() throws {
        let source = try TestFolder("many"), out = try TestFolder("out")
        // Python creates the files: Foundation's Data.write fsyncs every file, which is slow here.
        _ = try python("""
            import os, sys
            for d in range(100):
                os.mkdir(os.path.join(sys.argv[1], f"d{d}"))
                for f in range(200):
                    with open(os.path.join(sys.argv[1], f"d{d}", f"f{f}.py"), "w") as h: h.write(f"file {d}/{f}\\n")
            """, [source.path])
        let archive = try Self.zip(source.path, to: out.url("many.zip"))
        #expect(archive.entryCount == 20_000)
        let output = try python("""
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print(len(z.namelist()), z.read('d42/f7.py').decode().strip())
            """, [archive.path])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "20000 file 42/7")
    }
}
