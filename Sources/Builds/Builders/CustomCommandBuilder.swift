// A build command from ferry.toml's `[build.commands]`.
import Foundation

/// Runs the `[build.commands]` entry of a logical ID with `/bin/sh -c`, in the source folder, with
/// `ARTIFACTS_DIR` (the staging folder to fill), `FERRY_SOURCE_DIR`, `FERRY_LOGICAL_ID`,
/// `FERRY_RUNTIME` and `FERRY_ARCHITECTURE` set.
///
/// The key covers every file of the source folder and the command text.
public struct CustomCommandBuilder: FunctionBuilder {
    /// `custom-command`.
    public let name = "custom-command"
    /// Bumped when the output for the same inputs changes.
    public let version = "1"

    /// A custom command builder.
    public init() {}

    /// Source files and the command.
    public func keyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        try await BuildKeyInputs.gather(
            builder: name, builderVersion: version, runtime: request.runtime, architecture: request.architecture,
            parameters: ["command": request.command ?? ""], sourceFolder: request.source.path)
    }

    /// Runs the command.
    public func build(_ request: BuildRequest, into staging: URL) async throws {
        guard let command = request.command else { throw BuilderError(.missingCommand(resource: request.qualifiedName)) }
        let tools = ToolRunner(environment: request.environment)
        try await tools.run("/bin/sh", ["-c", command], in: request.source,
                            extra: ["ARTIFACTS_DIR": staging.path, "FERRY_SOURCE_DIR": request.source.path,
                                    "FERRY_LOGICAL_ID": request.logicalID.rawValue, "FERRY_RUNTIME": request.runtime,
                                    "FERRY_ARCHITECTURE": request.architecture],
                            shownAs: command, resource: request.qualifiedName)
        if StagingCopy.isEmpty(staging) {
            throw BuilderError(.producedNothing(resource: request.qualifiedName, command: command))
        }
    }
}
