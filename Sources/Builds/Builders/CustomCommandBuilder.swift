// A build command from ferry.toml's `[build.commands]`.
import Foundation

/// Runs one `[build.commands]` entry with `/bin/sh -c`, in the source folder, with `ARTIFACTS_DIR`
/// (the staging folder to fill), `FERRY_SOURCE_DIR`, `FERRY_LOGICAL_ID`, `FERRY_RUNTIME` and
/// `FERRY_ARCHITECTURE` set.
///
/// The key covers every file of the source folder and the command text.
package struct CustomCommandBuilder: FunctionBuilder {
    /// `custom-command`.
    package var builderName: String { "custom-command" }
    /// Bumped when the output for the same inputs changes.
    package var builderVersion: String { "2" }
    /// The shell command.
    package let command: String
    /// The environment the shell starts with.
    package let environment: [String: String]

    /// A builder running `command` with `environment`.
    package init(command: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.command = command
        self.environment = environment
    }

    /// Source files and the command.
    package func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        var inputs = try await BuildKeyInputs.gather(
            builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
            architecture: request.architecture, parameters: ["command": command], sourceFolder: request.sourceFolder)
        for (key, value) in request.environment { inputs.parameters["env " + key] = value }
        return inputs
    }

    /// Runs the command.
    package func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        let staging = try ToolRunner.makeStaging(in: workFolder)
        let tools = ToolRunner(environment: environment.merging(request.environment) { $1 })
        try await tools.run("/bin/sh", ["-c", command], in: request.sourceFolder,
                            extra: ["ARTIFACTS_DIR": staging, "FERRY_SOURCE_DIR": request.sourceFolder,
                                    "FERRY_LOGICAL_ID": request.logicalID.rawValue, "FERRY_RUNTIME": request.runtime,
                                    "FERRY_ARCHITECTURE": request.architecture],
                            shownAs: command, resource: request.qualifiedName)
        if ToolRunner.isEmpty(staging) {
            throw BuilderError(.producedNothing(resource: request.qualifiedName, command: command))
        }
        return StagedBuild(folder: staging, zipsAsLeft: true)
    }
}
