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

    /// Throws ``BuildRunError`` when any build failed.
    package func requireSuccess() throws(BuildRunError) {
        let failed = failures
        guard failed.isEmpty else { throw BuildRunError(failed: failed, total: outcomes.count) }
    }
}
