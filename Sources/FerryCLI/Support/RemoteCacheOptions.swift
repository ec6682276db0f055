import ArgumentParser
import Pipeline

/// `--no-remote-cache` and `--no-cache-write`: the remote build cache in the artifact bucket.
struct RemoteCacheOptions: ParsableArguments {
    @Flag(name: .customLong("no-remote-cache"),
          help: "Do not look builds up in the artifact bucket's remote build cache (build what the local cache lacks).")
    var noRemoteCache = false

    @Flag(name: .customLong("no-cache-write"),
          help: "Do not write remote build cache entries (also [cache] write = false, FERRY_CACHE_WRITE=0); for untrusted CI.")
    var noCacheWrite = false

    /// The settings with `configuredWrite` (`[cache] write`) and the process environment.
    func settings(configuredWrite: Bool? = nil, environment: [String: String]) -> RemoteCacheSettings {
        RemoteCacheSettings.resolve(configuredWrite: configuredWrite, noCacheWrite: noCacheWrite,
                                    noRemoteCache: noRemoteCache, environment: environment)
    }
}
