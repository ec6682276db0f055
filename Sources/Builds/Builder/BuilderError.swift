// Errors raised while running a builder.

/// A builder failed: a tool is missing, a command exited non-zero, or nothing was produced.
/// The message names the function, the command and what to do; `output` keeps the tool's output.
package struct BuilderError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case toolNotFound(tool: String, resource: String, hint: String)
        case processFailed(resource: String, command: String, exitCode: Int32, folder: String)
        case producedNothing(resource: String, command: String)
        case sourceNotFolder(resource: String, path: String)
        case notAZip(resource: String, path: String)
        case missingCommand(resource: String)
        case missingEntryPoint(resource: String, entry: String, folder: String)
        case badBuildProperties(resource: String, detail: String)
    }

    let kind: Kind
    /// The combined standard output and error of the failed process (empty when none ran).
    package let output: String

    init(_ kind: Kind, output: String = "") {
        self.kind = kind
        self.output = output
    }

    /// Whether the error is a missing local tool (npm, make, python).
    package var isMissingTool: Bool {
        if case .toolNotFound = kind { return true }
        return false
    }

    /// What went wrong, for which resource, and what to do.
    package var description: String {
        switch kind {
        case let .toolNotFound(tool, resource, hint):
            return "Building \(resource) needs '\(tool)', which is not on PATH. \(hint)"
        case let .processFailed(resource, command, exitCode, folder):
            return "Building \(resource) failed: `\(command)` exited with code \(exitCode) in \(folder). "
                + "Its output is shown below; fix the error and run `ferry build` again."
        case let .producedNothing(resource, command):
            return "Building \(resource) produced no files: `\(command)` succeeded but left the artifacts folder "
                + "empty. It must copy the function's files into $ARTIFACTS_DIR."
        case let .sourceNotFolder(resource, path):
            return "The code of \(resource) is '\(path)', which is not a folder. Point CodeUri/ContentUri at a folder or a .zip file."
        case let .notAZip(resource, path):
            return "'\(path)' (the code of \(resource)) is not a zip archive."
        case let .missingEntryPoint(resource, entry, folder):
            return "The esbuild entry point '\(entry)' of \(resource) does not exist in \(folder) (tried it as written, "
                + "or with .ts and .js when it has no extension). Fix Metadata.BuildProperties.EntryPoints."
        case let .badBuildProperties(resource, detail):
            return "Metadata.BuildProperties of \(resource): \(detail)."
        case let .missingCommand(resource):
            return "\(resource) has no build command. Add it under [build.commands] in ferry.toml."
        }
    }
}
