// What happened to one planned build.

/// The outcome of one planned build.
package struct BuildOutcome: Sendable {
    /// How the artifact was obtained, or why not.
    package enum Status: Sendable, Hashable {
        /// The builder ran.
        case built
        /// The cache had it; no builder ran.
        case cached
        /// A prebuilt `.zip`, taken as is.
        case prebuilt
        /// The build failed: the message, and the tool's output when a process failed.
        case failed(message: String, output: String)
    }

    /// The planned build.
    package let build: PlannedBuild
    /// What happened.
    package let status: Status
    /// The build key, when it was computed.
    package let key: BuildKey?
    /// The artifact (in the cache, or the prebuilt file), when there is one.
    package let archive: ZipArchive?
    /// Seconds spent on this build.
    package let seconds: Double
    /// What the builder noted that is not an error (e.g. which interpreter it used).
    package let notes: [String]
    /// Whether the build failed because a local tool (python, npm, make) is missing.
    package var missingTool = false
    /// Whether the build failed on the user's input (a link leaving the folder, a file name that is
    /// not UTF-8, a requirement that cannot be read).
    package var badInput = false
    /// The artifact's object key in the bucket when a shared cache provided it (see `RemoteBuildLookup`).
    package var remoteObjectKey: String?
    /// The keys of the dependency trees the build used (see `StagedBuild.dependencyTrees`).
    package var dependencyTrees: [String] = []

    /// An outcome.
    package init(build: PlannedBuild, status: Status, key: BuildKey?, archive: ZipArchive?, seconds: Double,
                notes: [String] = []) {
        self.build = build
        self.status = status
        self.key = key
        self.archive = archive
        self.seconds = seconds
        self.notes = notes
    }

    /// Whether the build failed.
    package var failed: Bool {
        if case .failed = status { return true }
        return false
    }
}
