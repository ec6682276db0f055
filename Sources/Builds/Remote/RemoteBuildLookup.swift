// A shared build cache the engine asks after a local miss (the artifact bucket's action entries).

/// Finds a build in a cache shared between machines, after the local cache missed.
///
/// The engine calls `find` with a build's key; a hit is taken as the build's result and no builder
/// runs. Implementations never throw: anything missing, unreadable, unsigned or not matching is a
/// miss (the build then runs as usual), so a damaged or poisoned shared cache can only cost time.
package protocol RemoteBuildLookup: Sendable {
    /// The build with `key`, made by `builder` (its name and version must match), or nil.
    /// `cache` is the local cache a downloaded zip is stored into.
    func find(_ key: BuildKey, builder: String, builderVersion: String, cache: BuildCache) async -> RemoteBuildHit?
}

/// A build found in a shared cache.
package struct RemoteBuildHit: Sendable, Hashable {
    /// The artifact. Its `path` is a zip in the local cache when the bytes were downloaded (and
    /// their SHA-256 checked), or empty when only the object is referenced.
    package let archive: ZipArchive
    /// The artifact's object key in the bucket (`<prefix>/<sha256>.zip`).
    package let objectKey: String
    /// Where the entry was read, for reporting (`s3://bucket/prefix/.ferry/cache/<key>.json`).
    package let entryLocation: String
    /// The keys of the dependency trees the build used, as the entry names them.
    package var dependencyTrees: [String] = []

    /// A hit.
    package init(archive: ZipArchive, objectKey: String, entryLocation: String) {
        self.archive = archive
        self.objectKey = objectKey
        self.entryLocation = entryLocation
    }

    /// Whether the zip's bytes are on this machine.
    package var isLocal: Bool { !archive.path.isEmpty }
}
