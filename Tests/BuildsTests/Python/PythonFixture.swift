// The example app, copies of it, and environments with and without the runtime's interpreter.
import Foundation
import Testing
@testable import Builds

/// Helpers shared by the Python builder tests.
enum PythonFixture {
    /// `examples/fiscalshield-idp` in this repository.
    static let exampleRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("examples/fiscalshield-idp").path
    }()

    /// One pip cache for the whole test run (downloads of setuptools for build isolation are shared).
    static let pipCache = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-tests-pip-cache").path

    /// Copies the example app to `folder/<name>` and returns the copy's path.
    static func copyExample(into folder: TestFolder, name: String = "app") throws -> String {
        let destination = folder.url(name)
        try FileManager.default.copyItem(atPath: exampleRoot, toPath: destination)
        return destination
    }

    /// The process environment (the runtime's interpreter is used when PATH, pyenv, asdf or uv has it).
    static var hostEnvironment: [String: String] { ProcessInfo.processInfo.environment }

    /// The host's real python3 (`sys.executable`, not a pyenv shim) and its `3.minor` version.
    static func hostPython() throws -> (path: String, version: String) {
        let output = try python("import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])")
        let lines = output.split(separator: "\n").map(String.init)
        return (try #require(lines.first), try #require(lines.dropFirst().first))
    }

    /// An environment whose only Python is the host's python3 (PATH has just a `python3` link to it,
    /// HOME and the version managers' roots are empty), and a runtime that python3 is not.
    static func missingInterpreter(in folder: TestFolder) throws -> (environment: [String: String], runtime: String) {
        let host = try hostPython()
        try folder.mkdir("bin")
        try folder.symlink("bin/python3", to: host.path)
        try folder.mkdir("home")
        let minor = Int(host.version.split(separator: ".").last ?? "") ?? 11
        var environment = hostEnvironment
        environment["PATH"] = folder.url("bin") + ":/usr/bin:/bin"
        environment["HOME"] = folder.url("home")
        environment["PYENV_ROOT"] = folder.url("home/.pyenv")
        environment["ASDF_DATA_DIR"] = folder.url("home/.asdf")
        environment["UV_PYTHON_INSTALL_DIR"] = folder.url("home/uv")
        environment.removeValue(forKey: "PYENV_VERSION")
        return (environment, "python3.\(minor == 12 ? 13 : 12)")
    }

    /// Every file under `folder` (relative path → permission bits and bytes), and every folder name.
    static func tree(_ folder: String) throws -> [String: (mode: Int, bytes: Data)] {
        var result: [String: (mode: Int, bytes: Data)] = [:]
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: folder)?.allObjects ?? [] {
            let full = folder + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: full)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let mode = (attributes[.posixPermissions] as? Int) ?? 0
            result[relative] = (mode, try readBytes(full))
        }
        return result
    }

    /// The folder a build staged before dependency trees were shared: each part's files (under its
    /// prefix) with the staged folder's files copied over them; made once, beside the staged folder.
    static func materialize(_ staged: StagedBuild) throws -> String {
        let folder = staged.folder + "-materialized"
        if FileManager.default.fileExists(atPath: folder) { return folder }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for part in staged.parts {
            try FolderCopy.copy(FileTree.scan(part.folder, rules: .always, readIgnoreFile: false), to: folder,
                                prefix: part.prefix)
        }
        try FolderCopy.copy(FileTree.scan(staged.folder, rules: IgnoreRules(), readIgnoreFile: false), to: folder)
        return folder
    }

    /// `tree(_:)` of the staged build with its parts.
    static func tree(_ staged: StagedBuild) throws -> [String: (mode: Int, bytes: Data)] {
        try tree(materialize(staged))
    }

    /// `allNames(_:)` of the staged build with its parts.
    static func allNames(_ staged: StagedBuild) throws -> [String] {
        allNames(try materialize(staged))
    }

    /// The zip of the staged build both ways: `DeterministicZip` of the materialised folder (how
    /// zips were made before parts) and `StagedBuild.writeZip` (parts copied); expects equal bytes.
    static func zips(_ staged: StagedBuild, to base: String) throws -> ZipArchive {
        let whole = try DeterministicZip().write(FileTree.scan(materialize(staged), rules: .always, readIgnoreFile: false),
                                                 to: base + "-whole.zip")
        let assembled = try staged.writeZip(to: base + "-assembled.zip")
        #expect(try readBytes(base + "-whole.zip") == readBytes(base + "-assembled.zip"),
                "the zip assembled from parts differs from the zip of the whole folder")
        #expect(whole.entryCount == assembled.entryCount && whole.unzippedSize == assembled.unzippedSize)
        return assembled
    }

    /// Every path component found under `folder` (files and folders).
    static func allNames(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    }

    /// A request for a function of the example app copy at `app`.
    static func request(
        _ id: String, app: String, codeUri: String, templateFolder: String = "", kind: BuildRequest.Kind = .function,
        runtime: String = "python3.12", architecture: String = "x86_64"
    ) -> BuildRequest {
        let templateDirectory = templateFolder.isEmpty ? app : app + "/" + templateFolder
        return BuildRequest(logicalID: .init(id), kind: kind, sourceFolder: templateDirectory + "/" + codeUri,
                            runtime: runtime, architecture: architecture, templateFolder: templateDirectory,
                            templateFile: templateDirectory + "/template.yaml")
    }
}

extension PythonFixture {
    /// Lambda's name for this machine's architecture.
    static var hostArchitecture: String {
        #if arch(arm64)
        "arm64"
        #else
        "x86_64"
        #endif
    }
}
