// Errors of image builds that run a tool: a container builder for RUN, a runtime builder for /var/task.

/// An image build that needs a tool which is missing or failed: says which Dockerfile or function,
/// what the tool said (its last lines), and what to do.
package struct ContainerBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case noBuilder(file: String, line: Int, instruction: String)
        case builderFailed(tool: String, step: String, file: String, output: String)
        case unreadableOutput(tool: String, file: String, message: String)
        case noFunctionBase(function: String, runtime: String)
        case noFunctionCommand(function: String, file: String, line: Int?)
        case noRuntimeBuilder(function: String, runtime: String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// Whether no container builder is installed: Ferry exits 69.
    package var isMissingTool: Bool {
        if case .noBuilder = kind { return true }
        return false
    }

    /// Whether the template is at fault (no command, no base for the runtime): Ferry exits 64.
    package var isBadInput: Bool {
        switch kind {
        case .noFunctionBase, .noFunctionCommand, .noRuntimeBuilder: true
        default: false
        }
    }

    /// What went wrong, where, and what to do.
    package var description: String {
        switch kind {
        case let .noBuilder(file, line, instruction):
            return "\(file):\(line): \(instruction) needs a container builder and none is installed (looked for buildah, "
                + "podman and docker buildx on PATH). Install buildah (Debian/Ubuntu: `apt-get install buildah`, "
                + "Fedora: `dnf install buildah`, macOS: `brew install podman`) and build again; Ferry runs it without a "
                + "daemon (`buildah bud --isolation chroot`). Dockerfiles without RUN need no builder."
        case let .builderFailed(tool, step, file, output):
            return "\(file): \(tool) failed (\(step)):\n" + BuilderError.tail(output, limit: 30)
                .split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
                + "\nFix the Dockerfile step it names, or run the same build by hand to see more."
        case let .unreadableOutput(tool, file, message):
            return "\(file): the image \(tool) built cannot be read (\(message)). Delete .ferry/images/containers and build again."
        case let .noFunctionBase(function, runtime):
            return "\(function): BuildMethod \(runtime) with PackageType: Image needs a Lambda base image, and Ferry knows "
                + "none for \(runtime) (python3.x and nodejsNN.x are supported). Use a Dockerfile (Metadata: Dockerfile, "
                + "DockerContext) instead."
        case let .noFunctionCommand(function, file, line):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(function) is an image built from BuildMethod output but has no "
                + "command: set ImageConfig: {Command: [\"app.handler\"]} (the module.function Lambda calls)."
        case let .noRuntimeBuilder(function, runtime):
            return "\(function): no builder for \(runtime) is available to fill the image's /var/task. "
                + "Use a python3.x or nodejsNN.x BuildMethod."
        }
    }
}
