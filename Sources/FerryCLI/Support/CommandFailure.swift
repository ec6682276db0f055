import ArgumentParser
import Foundation
import Pipeline

/// Ends a command with a documented exit code after its message was shown.
struct CommandFailure: Error {
    let exitCode: FerryExitCode
}

/// Shows an error as one line (or one JSON object) and returns the exit code it maps to.
enum ErrorReporter {
    static func exitCode(for category: FailureCategory) -> FerryExitCode {
        switch category {
        case .badInput: .usage
        case .awsConfiguration: .awsConfiguration
        case .missingTool: .missingTool
        case .operationFailed: .failure
        }
    }

    /// Prints `error` on stderr (and as a JSON line on stdout with `--json`); returns the exit code.
    static func report(_ error: any Error, json: Bool) -> FerryExitCode {
        let failure = FailurePresenter.present(error)
        let code = exitCode(for: failure.category)
        if json {
            let object: [String: Any] = [
                "event": "error", "level": "error", "message": failure.message,
                "data": ["category": failure.category.rawValue, "exitCode": Int(code.rawValue)],
            ]
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        }
        FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
        return code
    }
}
