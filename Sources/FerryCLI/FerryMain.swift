import ArgumentParser
import Foundation

extension Ferry {
    /// Parses the command line, runs the command and exits with its code.
    ///
    /// Used by `main.swift` instead of `main()` so that async commands run from a library target
    /// and every error ends as one clear message with a documented exit code, never a trace.
    public static func runAndExit(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(withError: nil)
        } catch let failure as CommandFailure {
            exit(withError: failure.exitCode.exitCode)
        } catch let error as TopLevelFailure {
            exit(withError: ErrorReporter.report(error.underlying, json: error.json).exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
