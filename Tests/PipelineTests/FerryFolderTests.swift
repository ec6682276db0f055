import Foundation
import Testing
@testable import Pipeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `.ferry` folder Ferry cannot write is one sentence, not a Cocoa error.
@Suite struct FerryFolderTests {
    static func temporaryProject() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func createsTheFolderWhenMissing() throws {
        let project = try Self.temporaryProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try FerryFolder.requireWritable(projectRoot: project)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(".ferry").path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent(".ferry").path).isEmpty)
    }

    @Test func aFileWhereTheFolderShouldBeIsOneSentence() throws {
        let project = try Self.temporaryProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try Data("x".utf8).write(to: project.appendingPathComponent(".ferry"))
        let error = try #require(throws: PipelineFailure.self) { try FerryFolder.requireWritable(projectRoot: project) }
        #expect(error.category == .badInput)
        #expect(error.description.hasPrefix("Ferry cannot write to \(project.path)/.ferry (it is not a folder)"), "\(error)")
        #expect(error.description.filter { $0 == "." }.count <= 4, "one sentence: \(error)")
    }

    @Test func aReadOnlyFolderIsOneSentence() throws {
        // root writes anyway: the check is then of the message only.
        let project = try Self.temporaryProject()
        defer {
            chmod(project.appendingPathComponent(".ferry/build").path, 0o755)
            try? FileManager.default.removeItem(at: project)
        }
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".ferry/build"), withIntermediateDirectories: true)
        chmod(project.appendingPathComponent(".ferry/build").path, 0o555)
        if getuid() != 0 {
            let error = try #require(throws: PipelineFailure.self) { try FerryFolder.requireWritable(projectRoot: project) }
            #expect(error.description.contains(".ferry/build (it is read-only for this user)"), "\(error)")
        }
        let message = FerryFolder.failure("/p/.ferry", errno: EACCES).description
        #expect(message.hasPrefix("Ferry cannot write to /p/.ferry (it is read-only for this user); "))
        #expect(FerryFolder.failure("/p/.ferry", errno: EROFS).description.contains("read-only file system"))
    }
}
