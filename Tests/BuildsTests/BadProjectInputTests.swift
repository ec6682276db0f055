// Bad project files get one clear message: a CodeUri that is a link out of the project, a file
// name that is not UTF-8.
import Foundation
import Testing
import Templates
@testable import Builds

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("bad project input")
struct BadProjectInputTests {
    static let template = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/fn
              Handler: app.handler
              Runtime: python3.12

        """

    /// Creates a file whose name is `prefix` followed by the byte 0xE9 (Latin-1 "é"), not UTF-8.
    static func writeLatin1Name(in folder: String, prefix: String) throws {
        let bytes = Array((folder + "/" + prefix).utf8) + [0xE9, UInt8(ascii: "."), UInt8(ascii: "t"), UInt8(ascii: "x"), UInt8(ascii: "t"), 0]
        let descriptor = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        try #require(descriptor >= 0)
        close(descriptor)
    }

    @Test("a CodeUri that is a link to a folder outside the project is refused, naming both")
    func codeUriLinkLeavingTheProject() throws {
        let project = try TestFolder("link-project")
        let outside = try TestFolder("link-outside")
        try outside.write("app.py", "x = 1\n")
        try project.write("template.yaml", Self.template)
        try project.symlink("src/fn", to: outside.path)
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        let error = try #require(throws: BuildPlanError.self) {
            try BuildPlan.make(tree: tree, catalog: fakeCatalog(FakeBuilder()))
        }
        #expect(error.description.contains("symbolic link"), "\(error)")
        #expect(error.description.contains(outside.path) || error.description.contains("link-outside"), "\(error)")
        #expect(error.line == 5 || error.line == 2, "\(error)")
    }

    @Test("a link inside the project to a folder inside it is fine, and so is ../ without links")
    func linksInsideAndPlainParentPaths() throws {
        let project = try TestFolder("link-inside")
        try project.write("real/fn/app.py", "x = 1\n")
        try project.write("app/template.yaml", Self.template.replacingOccurrences(of: "src/fn", with: "../real/fn"))
        try project.write("template.yaml", Self.template)
        try project.symlink("src/fn", to: project.url("real/fn"))
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        #expect(try BuildPlan.make(tree: tree, catalog: fakeCatalog(FakeBuilder())).builds.count == 1)
        let parent = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("app/template.yaml")))
        #expect(try BuildPlan.make(tree: parent, catalog: fakeCatalog(FakeBuilder())).builds.count == 1)
    }

    @Test("a file name that is not UTF-8 is refused with the folder named")
    func nonUTF8Name() throws {
        let folder = try TestFolder("latin1")
        try folder.write("app.py", "x = 1\n")
        try Self.writeLatin1Name(in: folder.path, prefix: "caf")
        let error = try #require(throws: BuildFilesError.self) { try FileTree.scan(folder.path) }
        #expect(error.description.contains("caf\\xE9.txt"), "\(error)")
        #expect(error.description.contains("not valid UTF-8"), "\(error)")
        #expect(error.description.contains(POSIX.realPath(folder.path) ?? folder.path), "\(error)")
        #expect(error.isBadInput)
    }

    @Test("a file name that is not UTF-8 is skipped when .ferryignore matches it")
    func nonUTF8NameIgnored() throws {
        let folder = try TestFolder("latin1-ignored")
        try folder.write("app.py", "x = 1\n")
        try folder.write(".ferryignore", "caf*.txt\n")
        try Self.writeLatin1Name(in: folder.path, prefix: "caf")
        let tree = try FileTree.scan(folder.path)
        #expect(tree.entries.map(\.relativePath) == ["app.py"])
    }
}
