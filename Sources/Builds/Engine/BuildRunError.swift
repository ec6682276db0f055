// The error of a whole build run: which builds failed.

/// A build run in which one or more builds failed; the message lists each with its error.
///
/// The run stage's error, thrown by ``BuildResult/requireSuccess()`` after every build finished
/// (each failure was already reported as an event with its builder's ``BuilderError`` or
/// ``BuildFilesError`` message). Its category follows the failures: a missing tool exits 69,
/// failures that are all about the project's files exit 64, anything else 1.
package struct BuildRunError: Error, Sendable, CustomStringConvertible {
    /// `(build name, message)` per failed build.
    package let failures: [(artifact: String, message: String)]
    /// Number of builds in the run.
    package let total: Int
    /// Whether a build failed because a local tool is missing (Ferry exits 69).
    package let isMissingTool: Bool
    /// Whether every failure is about the user's input (Ferry exits 64).
    package let isBadInput: Bool

    init(failed: [BuildOutcome], total: Int) {
        self.isMissingTool = failed.contains(where: \.missingTool)
        self.isBadInput = !failed.isEmpty && failed.allSatisfy(\.badInput)
        self.failures = failed.map { outcome in
            if case .failed(let message, _) = outcome.status { return (outcome.build.id, message) }
            return (outcome.build.id, "failed")
        }
        self.total = total
    }

    /// `2 of 17 builds failed:` and one line per failure.
    package var description: String {
        "\(failures.count) of \(total) builds failed:\n"
            + failures.map { "  \($0.artifact): \($0.message)" }.joined(separator: "\n")
    }
}
