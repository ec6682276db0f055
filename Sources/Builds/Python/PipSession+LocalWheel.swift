// Local path packages as wheels, through the builder's content-addressed wheel cache.
import Crypto
import Foundation

extension PipSession {
    /// A wheel of the local requirement: the file itself for a `.whl`, else the wheel `pip wheel`
    /// makes from a clean copy of the folder (or from the sdist archive), taken from the builder's
    /// `LocalWheelCache` when the same files were built by the same interpreter and tools before.
    func localWheel(_ requirement: LocalPathRequirement, index: Int) async throws -> String {
        guard let status = POSIX.status(requirement.path) else {
            throw BuilderError(.localRequirementMissing(path: requirement.path, file: requirement.file, line: requirement.line),
                             request: request)
        }
        if status.kind == .regular && requirement.path.hasSuffix(".whl") { return requirement.path }
        let isFolder = status.kind == .directory
        let tree: FileTree? = isFolder ? try FileTree.scan(requirement.path, rules: PythonBuilder.localPackageRules) : nil
        let files = if let tree { try await FileHasher.hash(tree) } else { try await PythonBuilder.hashFile(requirement.path) }
        let table = isFolder ? BuildSystemTable.read(packageFolder: requirement.path) : nil
        let environment = if let table { await buildEnvironment(for: table) } else { PythonBuildEnvironment?.none }
        let key = localWheelKey(files: files, isFolder: isFolder, backend: table, environment: environment)
        if let environment { used.add(environment.folder) }
        let session = self
        let wheel = try await builder.wheelCache.wheel(key: key) { output in
            var input = requirement.path
            if let tree {
                input = joinPath(session.scratch, "sources/\(index)/\((requirement.path as NSString).lastPathComponent)")
                try? FileManager.default.removeItem(atPath: input)
                try FolderCopy.copy(tree, to: input)
            }
            if let table, let environment,
               let wheel = try await session.buildWithBackend(input, table: table, environment: environment, into: output) {
                return wheel
            }
            if tree != nil { // the backend may have left build/ and *.egg-info behind: start from a clean copy
                try? FileManager.default.removeItem(atPath: input)
                try FolderCopy.copy(tree!, to: input)
            }
            return try await session.buildWheel(input, into: output, package: requirement.path, isLocal: true)
        }
        used.add(wheel)
        return wheel
    }

    /// The cache key of a local package's wheel: its files (relative path, executable bit, SHA-256),
    /// whether it is a folder or an archive, the interpreter (path and full version, which fix the
    /// wheel's python, ABI and platform tags when it is not pure), its pip/setuptools/wheel versions
    /// (which decide build isolation and the wheel's metadata) and the settings pip runs with (the
    /// request's extra environment, `SOURCE_DATE_EPOCH`). The Lambda target is not part of it:
    /// `pip wheel` builds for the interpreter running it, and the target only decides afterwards
    /// whether a native wheel may be used. With a build environment, its backend and installed
    /// distributions are part of it too (they make the wheel).
    func localWheelKey(files: [HashedFile], isFolder: Bool, backend: BuildSystemTable? = nil,
                       environment: PythonBuildEnvironment? = nil) -> String {
        var lines = [
            "ferry-local-wheel 1",
            "builder \(builder.builderName) \(builder.builderVersion)",
            "input \(isFolder ? "folder" : "archive")",
            "python \(python.path) \(python.version)",
            "tools \(python.buildTools) isolation-first \(!python.hasBuildTools)",
        ]
        if let backend, let environment {
            lines.append("backend \(backend.backend) path \(backend.backendPath.joined(separator: ",")) "
                         + "build-env \(PythonBuildEnvironment.version) " + environment.distributions.joined(separator: " "))
        }
        let toolEnvironment = builder.toolEnvironment(request)
        var settings = request.environment
        settings["SOURCE_DATE_EPOCH"] = toolEnvironment["SOURCE_DATE_EPOCH"]
        for key in settings.keys.sorted() { lines.append("env \(key)=\(settings[key]!)") }
        for file in files.sorted(by: { $0.entry.relativePath < $1.entry.relativePath }) {
            lines.append("file \(file.sha256.hex) \(file.entry.isExecutable ? "x" : "-") \(file.entry.relativePath)")
        }
        let text = lines.map { $0.replacingOccurrences(of: "\n", with: "\\n") }.joined(separator: "\n")
        return SHA256Digest(SHA256.hash(data: Data(text.utf8))).hex
    }
}
