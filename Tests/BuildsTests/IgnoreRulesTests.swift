// Ignore patterns and walks.
import Foundation
import Testing
@testable import Builds

@Suite("IgnoreRules and FileTree")
struct IgnoreRulesTests {
    @Test("gitignore-style patterns: *, **, /anchored, dir/, !negation, last match wins",
          arguments: [
              ("*.log", "a/b/x.log", false, true),
              ("*.log", "x.log.txt", false, false),
              ("/build", "build", true, true),
              ("/build", "src/build", true, false),
              ("build", "src/build", true, true),
              ("docs/", "docs", true, true),
              ("docs/", "docs", false, false),
              ("docs/", "docs/readme.md", false, true),
              ("**/tmp", "a/b/tmp", true, true),
              ("**/tmp", "tmp", true, true),
              ("a/**/z", "a/z", false, true),
              ("a/**/z", "a/b/c/z", false, true),
              ("a/**/z", "b/a/z", false, false),
              ("a/**", "a", true, false),
              ("a/**", "a/x/y", false, true),
              ("src/*.py", "src/m.py", false, true),
              ("src/*.py", "src/sub/m.py", false, false),
              ("?.txt", "a.txt", false, true),
              ("[ab].txt", "c.txt", false, false),
              ("# comment\n\n*.tmp", "x.tmp", false, true),
              ("*.md\n!README.md", "README.md", false, false),
              ("*.md\n!README.md", "OTHER.md", false, true),
              ("!README.md\n*.md", "README.md", false, true),
              ("secret/\n!secret/keep", "secret/keep", false, true),
          ] as [(String, String, Bool, Bool)])
    func patterns(text: String, path: String, isDirectory: Bool, ignored: Bool) {
        #expect(IgnoreRules(text: text).isIgnored(path, isDirectory: isDirectory) == ignored)
    }

    @Test("built-in rules drop caches, VCS and tool folders; Python rules drop test folders")
    func builtInRules() throws {
        let source = try TestFolder("src")
        for path in ["app.py", "__pycache__/app.cpython-312.pyc", "pkg/__pycache__/m.pyc", "pkg/old.pyc",
                     ".aws-sam/build/x", ".git/HEAD", ".ferry/cache/k.zip", "node_modules/.cache/x",
                     "node_modules/left/index.js", "tests/test_app.py", "pkg/test/t.py", "pkg/m.py",
                     "testing/keep.py"] {
            try source.write(path, path)
        }
        let always = try FileTree.scan(source.path, rules: .always).entries.map(\.relativePath)
        #expect(always == ["app.py", "node_modules/left/index.js", "pkg/m.py", "pkg/test/t.py",
                           "testing/keep.py", "tests/test_app.py"])
        let python = try FileTree.scan(source.path, rules: .python).entries.map(\.relativePath)
        #expect(python == ["app.py", "node_modules/left/index.js", "pkg/m.py", "testing/keep.py"])
    }

    @Test(".ferryignore at the root is honoured (and not packaged); negation re-includes")
    func ferryignore() throws {
        let source = try TestFolder("src")
        for path in ["app.py", "notes.md", "README.md", "build/out.bin", "src/build/keep.py", "docs/a/b.txt", "data/x.csv"] {
            try source.write(path, path)
        }
        try source.write(".ferryignore", "# local rules\n*.md\n!README.md\n/build\ndocs/\ndata/**\n")
        let entries = try FileTree.scan(source.path).entries.map(\.relativePath)
        #expect(entries == ["README.md", "app.py", "src/build/keep.py"])
        let withoutFile = try FileTree.scan(source.path, readIgnoreFile: false).entries.map(\.relativePath)
        #expect(withoutFile.contains("notes.md"))
        #expect(!withoutFile.contains(".ferryignore"))
    }

    @Test("an ignored escaping link is not an error")
    func ignoredLinkIsSkipped() throws {
        let source = try TestFolder("src")
        try source.write("app.py", "x")
        try source.symlink(".git/objects-link", to: "/etc")
        #expect(try FileTree.scan(source.path).entries.map(\.relativePath) == ["app.py"])
    }

    @Test("hashing runs in parallel and keeps the tree's order")
    func hashing() async throws {
        let source = try TestFolder("src")
        for index in 0..<50 { try source.write("f\(index).txt", "content \(index)") }
        try source.write("big.bin", Data(repeating: 7, count: 3 << 20))
        let tree = try FileTree.scan(source.path)
        let hashed = try await FileHasher.hash(tree, concurrency: 4)
        #expect(hashed.map(\.entry) == tree.entries)
        for file in hashed where file.entry.relativePath == "f7.txt" || file.entry.relativePath == "big.bin" {
            let output = try python("import hashlib,sys\nprint(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())",
                                    [file.entry.sourcePath])
            #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == file.sha256.hex)
        }
    }
}
