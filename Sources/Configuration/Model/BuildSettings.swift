/// How functions and layers are built.
package struct BuildSettings: Sendable, Equatable {
    /// The maximum number of builds at once; nil lets the builder choose.
    package var concurrency: Int?
    /// A shell command per logical ID that replaces the built-in builder for that resource.
    package var commands: [String: String]
    /// samconfig's `cached` (Ferry always caches by content; kept for information).
    package var cached: Bool?
    /// `[cache] write`: false stops this project writing remote build cache entries (nil: unset).
    package var cacheWrite: Bool?
    /// samconfig's `parallel` (Ferry always builds in parallel; kept for information).
    package var parallel: Bool?
    /// `[images]`: repositories and local base images for container-image functions.
    package var images = ImageSettings()

    /// Creates settings.
    package init(concurrency: Int? = nil, commands: [String: String] = [:], cached: Bool? = nil, parallel: Bool? = nil) {
        self.concurrency = concurrency
        self.commands = commands
        self.cached = cached
        self.parallel = parallel
    }
}
