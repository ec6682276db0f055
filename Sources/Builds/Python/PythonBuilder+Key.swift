// The build-key inputs of a Python build: read and hashed without starting a process.
import Foundation

extension PythonBuilder {
    /// The source tree (with `sourceRules`), every requirements file read, each local path
    /// dependency (its folder's files with `localPackageRules`, or the wheel/sdist file's bytes),
    /// named by its path relative to the template folder and its extras; plus runtime, architecture,
    /// function-or-layer and the request's extra environment.
    package func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        do {
            let source = try await FileHasher.hash(FileTree.scan(request.sourceFolder, rules: Self.sourceRules))
            var dependencies: [BuildKeyInputs.Dependency] = []
            let requirements = joinPath(request.sourceFolder, Self.requirementsFileName)
            if POSIX.status(requirements)?.kind == .regular {
                let plan = try PipRequirementsPlan.read(file: requirements, templateFolder: request.templateFolder)
                for file in plan.files {
                    dependencies.append(.init(name: "requirements " + Self.relativePath(file, from: request.templateFolder),
                                              files: try await Self.hashFile(file)))
                }
                var seen: Set<String> = []
                for requirement in plan.localRequirements {
                    let name = "local " + Self.relativePath(requirement.path, from: request.templateFolder)
                        + "[" + requirement.extras.sorted().joined(separator: ",") + "]"
                    guard seen.insert(name).inserted else { continue }
                    guard let status = POSIX.status(requirement.path) else {
                        throw BuilderError(.localRequirementMissing(path: requirement.path, file: requirement.file,
                                                                  line: requirement.line), request: request)
                    }
                    let files = status.kind == .directory
                        ? try await FileHasher.hash(FileTree.scan(requirement.path, rules: Self.localPackageRules))
                        : try await Self.hashFile(requirement.path)
                    dependencies.append(.init(name: name, files: files))
                }
            }
            var parameters = ["kind": request.kind.rawValue]
            for (key, value) in request.environment { parameters["env " + key] = value }
            return BuildKeyInputs(builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
                                  architecture: request.architecture, parameters: parameters,
                                  sourceFiles: source, dependencies: dependencies)
        } catch let error as BuildFilesError {
            throw BuilderError(wrapping: error, request: request)
        }
    }

    /// One file hashed under its own name.
    static func hashFile(_ path: String) async throws -> [HashedFile] {
        let status = try POSIX.lstatus(path)
        let entry = FileTreeEntry(relativePath: (path as NSString).lastPathComponent, sourcePath: path,
                                  size: POSIX.status(path)?.size ?? status.size, isExecutable: false)
        return try await FileHasher.hash([entry])
    }

    /// `path` relative to `base` (both absolute, lexically normalised), with `..` where needed;
    /// stable when the whole project moves.
    static func relativePath(_ path: String, from base: String) -> String {
        let target = RequirementsFile.normalize(path, base: "/").split(separator: "/")
        let origin = RequirementsFile.normalize(base, base: "/").split(separator: "/")
        var common = 0
        while common < min(target.count, origin.count) && target[common] == origin[common] { common += 1 }
        let ups = Array(repeating: "..", count: origin.count - common)
        let parts = ups + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
