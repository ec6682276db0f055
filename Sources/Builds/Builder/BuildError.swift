// Errors raised by builders: which resource, which template, which package, what the tool said.

/// A build that failed: names the resource and its template, the package at fault when there is one,
/// the tool's output (its last lines), and what to do next.
package struct BuildError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
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

    /// The logical ID of the function or layer being built.
    package let logicalID: String
    /// The template that declares it, when known.
    package let templateFile: String?
    let kind: Kind

    /// Whether the failure is about the project's files (a link leaving the folder, a name that is
    /// not UTF-8): Ferry exits 64.
    package private(set) var isBadInput = false

    init(_ kind: Kind, request: BuildRequest) {
        self.kind = kind
        self.logicalID = request.logicalID.rawValue
        self.templateFile = request.templateFile
    }

    /// A `files` failure carrying `error`'s message and whether it is bad input.
    init(wrapping error: BuildsError, request: BuildRequest) {
        self.init(.files(detail: error.description), request: request)
        isBadInput = error.isBadInput
    }

    /// Whether the failure is a missing local tool (no Python interpreter at all).
    package var isMissingTool: Bool {
        if case .noPython = kind { return true }
        return false
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

    /// The last lines of the failing tool's output, when a tool failed.
    package var toolOutput: String? {
        switch kind {
        case let .localPackageBuildFailed(_, _, output), let .noWheelForTarget(_, _, _, output),
             let .pipFailed(_, output): output
        default: nil
        }
    }

    /// What went wrong, for which resource and template, and what to do.
    package var description: String {
        let subject = "'\(logicalID)'" + (templateFile.map { " (\($0))" } ?? "")
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

import Foundation
