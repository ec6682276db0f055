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

    /// Emits `error` as a `CommandErrorEvent` into `sink` (by default: a JSON line on stdout with
    /// `--json`, and `error: <message>` on stderr); returns the exit code.
    static func report(_ error: any Error, json: Bool, sink: (any EventSink)? = nil) -> FerryExitCode {
        var failure = FailurePresenter.present(error)
        failure.message = SecretValues.shared.redact(failure.message)
        let code = exitCode(for: failure.category)
        (sink ?? FinalLineSink(json: json)).emit(CommandErrorEvent(message: failure.message, category: failure.category, exitCode: code))
        return code
    }
}
