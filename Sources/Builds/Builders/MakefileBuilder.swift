// `Metadata: BuildMethod: makefile`, SAM's convention.
import Foundation

/// Builds with the `Makefile` in the source folder, as SAM does: runs
/// `make -f <source>/Makefile build-<LogicalID>` in the source folder with `ARTIFACTS_DIR` set to
/// the staging folder, which the target must fill.
///
/// The key covers every file of the source folder (the Makefile included) and the target name.
package struct MakefileBuilder: FunctionBuilder {
    /// `makefile`.
    package var builderName: String { "makefile" }
    /// Bumped when the output for the same inputs changes.
    package var builderVersion: String { "2" }
    /// The environment make runs with.
    package let environment: [String: String]

    /// A Makefile builder whose tools see `environment`.
    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Source files and the make target.
    package func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        var inputs = try await BuildKeyInputs.gather(
            builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
            architecture: request.architecture, parameters: ["target": Self.target(for: request)],
            sourceFolder: request.sourceFolder)
        for (key, value) in request.environment { inputs.parameters["env " + key] = value }
        return inputs
    }

    /// Runs the make target with `ARTIFACTS_DIR`.
    package func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        let makefile = joinPath(request.sourceFolder, "Makefile")
        let target = Self.target(for: request)
        guard FileManager.default.fileExists(atPath: makefile) else {
            throw BuilderError(.toolNotFound(
                tool: "Makefile", resource: request.qualifiedName,
                hint: "BuildMethod makefile needs a Makefile in \(request.sourceFolder) with a target `\(target)`."))
        }
        let staging = try ToolRunner.makeStaging(in: workFolder)
        let tools = ToolRunner(environment: environment.merging(request.environment) { $1 })
        let make = try tools.locate("make", for: request.qualifiedName, hint: "Install make (apt-get install make).")
        try await tools.run(make, ["-f", makefile, target], in: request.sourceFolder,
                            extra: ["ARTIFACTS_DIR": staging],
                            shownAs: "make -f \(makefile) \(target)", resource: request.qualifiedName)
        if ToolRunner.isEmpty(staging) {
            throw BuilderError(.producedNothing(resource: request.qualifiedName, command: "make \(target)"))
        }
        return StagedBuild(folder: staging, zipsAsLeft: true)
    }

    /// `build-<LogicalID>`.
    package static func target(for request: BuildRequest) -> String { "build-\(request.logicalID)" }
}
