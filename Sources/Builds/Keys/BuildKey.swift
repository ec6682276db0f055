// The identity of a build: SHA-256 of its canonical inputs.
import Crypto

/// The identity of a build: SHA-256 over `BuildKeyInputs.canonicalEncoding()`.
/// Equal keys mean the same builder would produce the same artifact.
package struct BuildKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The SHA-256 digest.
    package let digest: SHA256Digest

    /// Wraps a digest.
    package init(digest: SHA256Digest) { self.digest = digest }

    /// Lowercase hex, used for cache file names.
    package var hex: String { digest.hex }

    /// The hex spelling.
    package var description: String { hex }

    /// The key of already-hashed inputs.
    package init(_ inputs: BuildKeyInputs) {
        self.digest = SHA256Digest(SHA256.hash(data: inputs.canonicalEncoding()))
    }

    /// Encodes as the hex string.
    package func encode(to encoder: any Encoder) throws { try digest.encode(to: encoder) }

    /// Decodes from a hex string.
    package init(from decoder: any Decoder) throws { digest = try SHA256Digest(from: decoder) }

    /// Walks and hashes `sourceFolder` and each of `localDependencies` with `rules` (plus each folder's
    /// `.ferryignore`), then computes the key.
    package static func compute(
        builder: String, builderVersion: String, runtime: String, architecture: String,
        parameters: [String: String] = [:], sourceFolder: String,
        localDependencies: [LocalDependency] = [], rules: IgnoreRules = .always,
        concurrency: Int = FileHasher.defaultConcurrency
    ) async throws -> BuildKey {
        let inputs = try await BuildKeyInputs.gather(
            builder: builder, builderVersion: builderVersion, runtime: runtime, architecture: architecture,
            parameters: parameters, sourceFolder: sourceFolder, localDependencies: localDependencies,
            rules: rules, concurrency: concurrency)
        return BuildKey(inputs)
    }
}

extension BuildKeyInputs {
    /// Walks and hashes the source folder and the local dependencies into build inputs.
    package static func gather(
        builder: String, builderVersion: String, runtime: String, architecture: String,
        parameters: [String: String] = [:], sourceFolder: String,
        localDependencies: [LocalDependency] = [], rules: IgnoreRules = .always,
        concurrency: Int = FileHasher.defaultConcurrency
    ) async throws -> BuildKeyInputs {
        let source = try await FileHasher.hash(FileTree.scan(sourceFolder, rules: rules), concurrency: concurrency)
        var dependencies: [Dependency] = []
        for dependency in localDependencies {
            let files = try await FileHasher.hash(FileTree.scan(dependency.folder, rules: rules), concurrency: concurrency)
            dependencies.append(Dependency(name: dependency.name, files: files))
        }
        return BuildKeyInputs(builder: builder, builderVersion: builderVersion, runtime: runtime,
                              architecture: architecture, parameters: parameters,
                              sourceFiles: source, dependencies: dependencies)
    }
}
