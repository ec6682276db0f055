// Every outcome of a run.

/// The outcomes of a run, in plan order, with the plan's skipped resources and plain files.
package struct BuildResult: Sendable {
    /// One outcome per planned build, in plan order.
    package let outcomes: [BuildOutcome]
    /// Resources that needed no build.
    package let skipped: [SkippedResource]
    /// Plain files for the packager.
    package let files: [PackagedFile]
    /// Seconds for the whole run.
    package let seconds: Double

    /// A result.
    package init(outcomes: [BuildOutcome], skipped: [SkippedResource], files: [PackagedFile], seconds: Double) {
        self.outcomes = outcomes
        self.skipped = skipped
        self.files = files
        self.seconds = seconds
    }

    /// Builds whose builder ran.
    package var builtCount: Int { outcomes.filter { $0.status == .built }.count }
    /// Builds taken from the cache.
    package var cachedCount: Int { outcomes.filter { $0.status == .cached }.count }
    /// Prebuilt zips.
    package var prebuiltCount: Int { outcomes.filter { $0.status == .prebuilt }.count }
    /// Failed builds.
    package var failures: [BuildOutcome] { outcomes.filter(\.failed) }

    /// Throws `BuildFailure` when any build failed.
    package func requireSuccess() throws {
        let failed = failures
        guard failed.isEmpty else { throw BuildFailure(failed: failed, total: outcomes.count) }
    }
}

/// One or more builds failed; the message lists each with its error.
package struct BuildFailure: Error, Sendable, CustomStringConvertible {
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
