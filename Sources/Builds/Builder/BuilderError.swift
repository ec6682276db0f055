// The error of the second stage of a build: running a builder (a toolchain) on one resource.
import Foundation

/// A builder failed on one resource: a tool is missing, a command exited non-zero, nothing was
/// produced, a package cannot be installed for Lambda, or the resource's files could not be read.
///
/// It is the builder stage's one error type; planning throws ``BuildPlanError``, the files stage
/// (scan, hash, zip, copy, cache) ``BuildFilesError``, a whole run ``BuildRunError``. The message
/// names the resource (and its template when the builder knows it), the command or package at fault
/// and what to do; `output` keeps a failed process's output for the event that shows it.
package struct BuilderError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        // A tool run by a builder (npm, make, esbuild, a custom command) or the builder's input.
        case toolNotFound(tool: String, resource: String, hint: String)
        case processFailed(resource: String, command: String, exitCode: Int32, folder: String)
        case producedNothing(resource: String, command: String)
        case sourceNotFolder(resource: String, path: String)
        case notAZip(resource: String, path: String)
        case missingCommand(resource: String)
        case missingEntryPoint(resource: String, entry: String, folder: String)
        case badBuildProperties(resource: String, detail: String)
        // The Python builder: the interpreter, requirements and pip (the message names the template).
        case unsupportedRuntime(runtime: String)
        case noPython(runtime: String)
        case localRequirementMissing(path: String, file: String, line: Int)
        case requirementsUnreadable(file: String, reason: String)
        case localPackageBuildFailed(package: String, python: String, output: String)
        case nativeCodeWithoutInterpreter(runtime: String, package: String, builtWith: String)
        case nativeCodeForOtherPlatform(runtime: String, architecture: String, package: String)
        case noWheelForTarget(runtime: String, architecture: String, package: String, output: String)
        case pipFailed(command: String, output: String)
        case files(detail: String)
    }

    let kind: Kind
    /// The combined standard output and error of a failed tool process (empty when none ran, and
    /// for pip, whose output is part of the message).
    package let output: String
    /// The logical ID of the function or layer being built, when the builder named its request.
    package let logicalID: String?
    /// The template that declares it, when known.
    package let templateFile: String?
    /// Whether the failure is about the project's files (a link leaving the folder, a name that is
    /// not UTF-8): Ferry exits 64.
    package private(set) var isBadInput = false

    /// A failure of a tool (or of a builder's input) that names its resource itself.
    init(_ kind: Kind, output: String = "") {
        self.kind = kind
        self.output = output
        self.logicalID = nil
        self.templateFile = nil
    }

    /// A failure building `request`, named with its logical ID and template.
    init(_ kind: Kind, request: BuildRequest) {
        self.kind = kind
        self.output = ""
        self.logicalID = request.logicalID.rawValue
        self.templateFile = request.templateFile
    }

    /// A `files` failure building `request`, carrying `error`'s message and whether it is bad input.
    init(wrapping error: BuildFilesError, request: BuildRequest) {
        self.init(.files(detail: error.description), request: request)
        isBadInput = error.isBadInput
    }

    /// Whether the failure is a missing local tool (npm, make, no Python interpreter at all): exit 69.
    package var isMissingTool: Bool {
        switch kind {
        case .toolNotFound, .noPython: true
        default: false
        }
    }

    /// The package at fault (a requirement or a local path), when the failure is about one.
    package var package: String? {
        switch kind {
        case let .localRequirementMissing(path, _, _): path
        case let .localPackageBuildFailed(package, _, _), let .nativeCodeWithoutInterpreter(_, package, _),
             let .nativeCodeForOtherPlatform(_, _, package), let .noWheelForTarget(_, _, package, _): package
        default: nil
        }
    }

    /// The last lines of pip's output, when pip failed (they are part of the message too).
    package var toolOutput: String? {
        switch kind {
        case let .localPackageBuildFailed(_, _, output), let .noWheelForTarget(_, _, _, output),
             let .pipFailed(_, output): output
        default: nil
        }
    }

    /// What went wrong, for which resource (and template), and what to do.
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
        default:
            return pythonDescription
        }
    }

    /// The message of a Python builder failure: `Cannot build 'ID' (template): …`.
    private var pythonDescription: String {
        let subject = "'\(logicalID ?? "?")'" + (templateFile.map { " (\($0))" } ?? "")
        switch kind {
        case let .unsupportedRuntime(runtime):
            return "Cannot build \(subject) with the Python builder: runtime '\(runtime)' is not a Python runtime."
        case let .noPython(runtime):
            return "Cannot build \(subject): no \(runtime) interpreter and no python3 at all was found. "
                + Self.installHint(runtime)
        case let .localRequirementMissing(path, file, line):
            return "Cannot build \(subject): \(file):\(line) installs the local path '\(path)', which does not exist. "
                + "Relative paths in requirements.txt are resolved against the folder of the template that declares the function."
        case let .requirementsUnreadable(file, reason):
            return "Cannot build \(subject): could not read '\(file)': \(reason)."
        case let .localPackageBuildFailed(package, python, output):
            return "Cannot build \(subject): pip could not build the local package '\(package)' into a wheel with \(python).\n"
                + Self.indent(output)
                + "\npip builds local packages in an isolated environment that installs their build backend "
                + "(e.g. setuptools) from the package index: make the index reachable (or set PIP_INDEX_URL / "
                + "PIP_FIND_LINKS), or install the backend into the interpreter (`\(python) -m pip install setuptools wheel`)."
        case let .nativeCodeWithoutInterpreter(runtime, package, builtWith):
            return "Cannot build \(subject): package '\(package)' has no wheel for \(runtime) and compiles native code, "
                + "which needs the \(runtime) interpreter (only \(builtWith) was found). " + Self.installHint(runtime)
        case let .nativeCodeForOtherPlatform(runtime, architecture, package):
            return "Cannot build \(subject): package '\(package)' compiles native code, and this machine cannot compile "
                + "for Lambda \(runtime) on \(architecture) (Linux). Use a package version that publishes manylinux wheels, "
                + "or build on Linux \(architecture)."
        case let .noWheelForTarget(runtime, architecture, package, output):
            return "Cannot build \(subject): pip found no distribution of '\(package)' for \(runtime) on \(architecture).\n"
                + Self.indent(output)
                + "\nCheck the name and version in requirements.txt, and that the package index is reachable."
        case let .pipFailed(command, output):
            return "Cannot build \(subject): `\(command)` failed.\n" + Self.indent(output)
        case let .files(detail):
            return "Cannot build \(subject): \(detail)"
        default:
            return "Cannot build \(subject)."
        }
    }

    static func installHint(_ runtime: String) -> String {
        let version = runtime.hasPrefix("python") ? String(runtime.dropFirst(6)) : runtime
        return "Install Python \(version) (`pyenv install \(version)`, `uv python install \(version)` or "
            + "`asdf install python \(version)`) and build again."
    }

    /// The last `limit` lines of a tool's output.
    static func tail(_ output: String, limit: Int = 40) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let trimmed = lines.count > limit ? Array(lines.suffix(limit)) : lines
        return trimmed.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
