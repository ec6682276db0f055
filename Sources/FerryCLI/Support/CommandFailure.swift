import ArgumentParser
import Foundation
import Pipeline
import Reporting

/// Ends a command with a documented exit code after its message was shown.
struct CommandFailure: Error {
    let exitCode: FerryExitCode
}

/// Shows an error as one line (or one JSON object) and returns the exit code it maps to.
enum ErrorReporter {
    static func exitCode(for category: FailureCategory) -> FerryExitCode {
        FerryExitCode.code(for: category)
    }

    /// Prints `error` on stderr (and as a JSON line on stdout with `--json`); returns the exit code.
    static func report(_ error: any Error, json: Bool) -> FerryExitCode {
        var failure = FailurePresenter.present(error)
        failure.message = SecretValues.shared.redact(failure.message)
        let code = exitCode(for: failure.category)
        if json {
            JSONLinesRenderer().emit(CommandErrorEvent(message: failure.message, category: failure.category, exitCode: code))
        }
        FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
        return code
    }
}
