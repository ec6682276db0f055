// What happened to one planned build.

/// The outcome of one planned build.
public struct BuildOutcome: Sendable {
    /// How the artifact was obtained, or why not.
    public enum Status: Sendable, Hashable {
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
    public let build: PlannedBuild
    /// What happened.
    public let status: Status
    /// The build key, when it was computed.
    public let key: BuildKey?
    /// The artifact (in the cache, or the prebuilt file), when there is one.
    public let archive: ZipArchive?
    /// Seconds spent on this build.
    public let seconds: Double
    /// What the builder noted that is not an error (e.g. which interpreter it used).
    public let notes: [String]
    /// Whether the build failed because a local tool (python, npm, make) is missing.
    public var missingTool = false
    /// Whether the build failed on the user's input (a link leaving the folder, a file name that is
    /// not UTF-8, a requirement that cannot be read).
    public var badInput = false
    /// The artifact's object key in the bucket when a shared cache provided it (see `RemoteBuildLookup`).
    public var remoteObjectKey: String?

    /// An outcome.
    public init(build: PlannedBuild, status: Status, key: BuildKey?, archive: ZipArchive?, seconds: Double,
                notes: [String] = []) {
        self.build = build
        self.status = status
        self.key = key
        self.archive = archive
        self.seconds = seconds
        self.notes = notes
    }

    /// Whether the build failed.
    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }
}
