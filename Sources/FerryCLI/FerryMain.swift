import ArgumentParser
import Foundation
import Reporting

extension Ferry {
    /// Parses the command line, runs the command and exits with its code.
    ///
    /// Used by `main.swift` instead of `main()` so that async commands run from a library target
    /// and every error ends as one clear message with a documented exit code, never a trace.
    package static func runAndExit(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            LiveConsoleRenderer.finishActive()
            exit(withError: nil)
        } catch let failure as CommandFailure {
            LiveConsoleRenderer.finishActive()
            exit(withError: failure.exitCode.exitCode)
        } catch let error as TopLevelFailure {
            // The live region leaves the screen before the error is said under it.
            LiveConsoleRenderer.finishActive()
            exit(withError: ErrorReporter.report(error.underlying, json: error.json).exitCode)
        } catch {
            LiveConsoleRenderer.finishActive()
            exit(withError: error)
        }
    }
}
