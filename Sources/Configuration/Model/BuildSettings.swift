/// How functions and layers are built.
public struct BuildSettings: Sendable, Equatable {
    /// The maximum number of builds at once; nil lets the builder choose.
    public var concurrency: Int?
    /// A shell command per logical ID that replaces the built-in builder for that resource.
    public var commands: [String: String]
    /// samconfig's `cached` (Ferry always caches by content; kept for information).
    public var cached: Bool?
    /// `[cache] write`: false stops this project writing remote build cache entries (nil: unset).
    public var cacheWrite: Bool?
    /// samconfig's `parallel` (Ferry always builds in parallel; kept for information).
    public var parallel: Bool?
    /// `[images]`: repositories and local base images for container-image functions.
    public var images = ImageSettings()

    /// Creates settings.
    public init(concurrency: Int? = nil, commands: [String: String] = [:], cached: Bool? = nil, parallel: Bool? = nil) {
        self.concurrency = concurrency
        self.commands = commands
        self.cached = cached
        self.parallel = parallel
    }
}
