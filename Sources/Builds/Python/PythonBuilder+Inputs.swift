// Where a Python build's inputs live, for `ferry watch`.
import Foundation

extension PythonBuilder {
    /// The source folder, every requirements file read (`-r` includes too) and each local path
    /// requirement (folder, wheel or sdist), resolved as the build key resolves them.
    package func inputPaths(for request: BuildRequest) throws -> [String] {
        var paths = [request.sourceFolder]
        let requirements = joinPath(request.sourceFolder, Self.requirementsFileName)
        guard POSIX.status(requirements)?.kind == .regular else { return paths }
        do {
            let plan = try PipRequirementsPlan.read(file: requirements, templateFolder: request.templateFolder)
            for path in plan.files + plan.localRequirements.map(\.path) where !paths.contains(path) {
                paths.append(path)
            }
        } catch let error as BuildFilesError {
            throw BuilderError(wrapping: error, request: request)
        }
        return paths
    }
}
