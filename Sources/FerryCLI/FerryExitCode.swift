import ArgumentParser
import Pipeline

/// Ferry's documented exit codes: the one place that says which code means what.
///
/// README.md's exit-code table repeats `summary` row by row (a test checks it), `ferry --help`
/// prints `documentation`, and `code(for:)` maps every failure category to one of them.
package enum FerryExitCode: Int32, CaseIterable, Sendable {
    /// Everything worked (or there was nothing to do).
    case success = 0
    /// The operation ran and failed (a deploy rolled back, a check failed), or something was not
    /// verified (stale, not deployed, not checkable).
    case failure = 1
    /// `--exit-code` was given and there is something to do (plan not up to date).
    case changesPending = 2
    /// Bad input: a flag, a config file, a template, a project file.
    case usage = 64
    /// Credentials, region or endpoint could not be resolved, or AWS refused the credentials.
    case awsConfiguration = 65
    /// A required local tool is missing (python3 for a Python build, npm, make).
    case missingTool = 69
    /// Interrupted (Ctrl-C).
    case interrupted = 130

    package var exitCode: ExitCode { ExitCode(rawValue) }

    /// The meaning in one line, as README.md's exit-code table and `ferry --help` say it.
    package var summary: String {
        switch self {
        case .success: "success, or nothing to do"
        case .failure: "the operation failed (deploy rolled back, a check failed, the network failed after the retries), or something was not verified (stale, not deployed, not checkable)"
        case .changesPending: "with --exit-code: there are changes to apply"
        case .usage: "bad input (flags, ferry.toml, samconfig.toml, templates, project files)"
        case .awsConfiguration: "AWS credentials, region or endpoint could not be resolved, or AWS refused the credentials"
        case .missingTool: "a required local tool is missing (python3 for a Python build, npm, make)"
        case .interrupted: "interrupted"
        }
    }

    /// The table printed in `ferry --help`.
    package static var documentation: String {
        "Exit codes:\n" + allCases.map { code in
            let number = String(code.rawValue)
            return "  " + number + String(repeating: " ", count: 5 - number.count) + code.summary
        }.joined(separator: "\n")
    }

    /// The exit code for a failure of `category`: the one mapping from failures to codes.
    package static func code(for category: FailureCategory) -> FerryExitCode {
        switch category {
        case .badInput: .usage
        case .awsConfiguration: .awsConfiguration
        case .missingTool: .missingTool
        case .operationFailed: .failure
        }
    }
}
