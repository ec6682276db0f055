// Errors raised while reading Dockerfiles and writing OCI images.

/// An error from building a container image: says what is wrong, where (file and line), and what to do.
package struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case dockerfile(file: String, line: Int, message: String)
        case unsupportedInstruction(file: String, line: Int, instruction: String)
        case copySourceMissing(file: String, line: Int, source: String)
        case copySourceOutsideContext(file: String, line: Int, source: String)
        case baseNotMapped(reference: String, file: String)
        case baseLayout(path: String, message: String)
        case architectureMismatch(base: String, baseArchitecture: String, wanted: String)
        case invalidJSON(what: String, message: String)
        case missingBlob(digest: String, path: String)
        case digestMismatch(path: String, expected: String, actual: String)
        case platformMissing(base: String, platform: String, available: [String])
        case pullFailed(base: String, file: String, message: String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// Whether this is a `RUN` (or other unsupported) instruction Ferry cannot write itself.
    package var needsExternalBuilder: Bool {
        if case .unsupportedInstruction = kind { return true }
        return false
    }

    /// The line and instruction of an unsupported-instruction error.
    var location: (line: Int, instruction: String)? {
        if case let .unsupportedInstruction(_, line, instruction) = kind { return (line, instruction) }
        return nil
    }

    /// Whether the project's files are at fault (Dockerfile, base map, architecture): exit 64.
    package var isBadInput: Bool {
        switch kind {
        case .missingBlob, .digestMismatch, .pullFailed: return false
        default: return true
        }
    }

    /// A human-readable message: what happened, where, and what to do next.
    package var description: String {
        switch kind {
        case let .dockerfile(file, line, message):
            return "\(file):\(line): \(message)"
        case let .unsupportedInstruction(file, line, instruction):
            return "\(file):\(line): \(instruction) needs a container builder; Ferry writes images itself only for "
                + "Dockerfiles without RUN (ARG, FROM, ENV, WORKDIR, COPY, ADD of local files, CMD, ENTRYPOINT, "
                + "LABEL, USER) and hands the others to buildah (or podman, docker buildx)."
        case let .copySourceMissing(file, line, source):
            return "\(file):\(line): COPY source '\(source)' matches no file in the build context "
                + "(or .dockerignore excludes it). Check the path, which is relative to DockerContext."
        case let .copySourceOutsideContext(file, line, source):
            return "\(file):\(line): COPY source '\(source)' is outside the build context; "
                + "only files under DockerContext can be copied."
        case let .baseNotMapped(reference, file):
            return "\(file): the base image '\(reference)' is not available locally. Map it to an OCI layout in "
                + "ferry.toml: [images.bases] \"\(reference)\" = \"oci:path/to/layout\"."
        case let .baseLayout(path, message):
            return "The base image layout '\(path)' cannot be read: \(message)."
        case let .architectureMismatch(base, baseArchitecture, wanted):
            return "The base image '\(base)' is for \(baseArchitecture) but the function wants \(wanted). "
                + "Use a base image for \(wanted) or set the function's Architectures to [\(baseArchitecture == "amd64" ? "x86_64" : baseArchitecture)]."
        case let .invalidJSON(what, message):
            return "\(what) is not valid JSON: \(message)."
        case let .missingBlob(digest, path):
            return "The blob \(digest) is missing from '\(path)'. Re-create the layout (or delete it to rebuild)."
        case let .platformMissing(base, platform, available):
            return "The base image '\(base)' has no image for \(platform) (it has: \(available.isEmpty ? "none" : available.joined(separator: ", "))). "
                + "Use a base published for \(platform), or set the function's Architectures to one the base has."
        case let .pullFailed(base, file, message):
            return (file.isEmpty ? "" : "\(file): ") + "the base image '\(base)' could not be pulled: \(message). Check the network and the registry's "
                + "credentials, or map it to a local OCI layout in ferry.toml: [images.bases] \"\(base)\" = \"oci:path/to/layout\"."
        case let .digestMismatch(path, expected, actual):
            return "'\(path)' should have digest \(expected) but has \(actual); the file is damaged. Delete it and rebuild."
        }
    }
}
