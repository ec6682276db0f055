// Whether the remote build cache is read and written, from ferry.toml, flags and the environment.
import Foundation
import Packaging

/// Whether a command reads and writes the remote build cache, and the key entries are signed with.
package struct RemoteCacheSettings: Sendable, Equatable {
    /// Look builds up in the bucket before building (off with `--no-remote-cache`).
    package var reads: Bool
    /// Write action entries after an upload (off with `[cache] write = false`, `--no-cache-write`
    /// or `FERRY_CACHE_WRITE=0`).
    package var writes: Bool
    /// `FERRY_CACHE_HMAC_KEY`: entries are signed with it, and only entries signed with it are used.
    package var signingKey: Data?

    /// Settings; reads and writes on, unsigned, by default.
    package init(reads: Bool = true, writes: Bool = true, signingKey: Data? = nil) {
        self.reads = reads
        self.writes = writes
        self.signingKey = signingKey
    }

    /// Turned off: neither read nor written.
    package static let off = RemoteCacheSettings(reads: false, writes: false)

    /// The settings of one command: `[cache] write` from ferry.toml (`configuredWrite`), the
    /// `--no-cache-write` and `--no-remote-cache` flags and `FERRY_CACHE_WRITE` / `FERRY_CACHE_HMAC_KEY`
    /// from `environment`. Any "off" wins.
    package static func resolve(configuredWrite: Bool?, noCacheWrite: Bool = false, noRemoteCache: Bool = false,
                               environment: [String: String]) -> RemoteCacheSettings {
        let variable = environment[writeVariable]?.lowercased()
        let environmentOff = variable.map { ["0", "false", "no", "off"].contains($0) } ?? false
        return RemoteCacheSettings(
            reads: !noRemoteCache,
            writes: configuredWrite != false && !noCacheWrite && !environmentOff,
            signingKey: ActionEntry.signingKey(environment: environment))
    }

    /// The environment variable that turns writes off (`0`, `false`, `no`, `off`).
    package static let writeVariable = "FERRY_CACHE_WRITE"
}
