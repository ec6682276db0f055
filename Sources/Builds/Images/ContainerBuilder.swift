// The daemonless tool that builds Dockerfiles with RUN: buildah, else podman, else docker buildx.
import Foundation
import Toolchains

/// A container builder found on this machine, and the command lines Ferry runs it with.
///
/// buildah is preferred (daemonless, rootless or root, no service to start); podman runs the same
/// engine under another name; docker buildx is used only when `docker buildx version` answers
/// (a Docker client without buildx or without a daemon is not a builder).
package struct ContainerBuilder: Sendable, Hashable {
    /// Which tool.
    package enum Tool: String, Sendable, Hashable, CaseIterable {
        case buildah
        case podman
        case dockerBuildx = "docker buildx"
    }

    /// The tool.
    package let tool: Tool
    /// Its executable (`/usr/bin/buildah`).
    package let executable: String

    /// A builder at `executable`.
    package init(tool: Tool, executable: String) {
        self.tool = tool
        self.executable = executable
    }

    /// The short name recorded in build keys and shown in messages (`buildah`).
    package var name: String { tool.rawValue }

    /// The first builder on `PATH` of `environment`, in the order buildah, podman, docker buildx;
    /// nil when there is none. Starts a process only to ask docker whether buildx is installed.
    package static func locate(environment: [String: String]) async -> ContainerBuilder? {
        let locator = ExecutableLocator(environment: environment)
        if let buildah = locator.onPath("buildah") { return ContainerBuilder(tool: .buildah, executable: buildah.path) }
        if let podman = locator.onPath("podman") { return ContainerBuilder(tool: .podman, executable: podman.path) }
        if let docker = locator.onPath("docker"),
           let answer = try? await ProcessRunner().run(docker.path, ["buildx", "version"], environment: environment),
           answer.succeeded {
            return ContainerBuilder(tool: .dockerBuildx, executable: docker.path)
        }
        return nil
    }

    /// The storage flags buildah and podman get: Ferry's own store under the project (`vfs`, which
    /// works inside containers and without fuse-overlayfs), so builds never touch the user's images.
    func storageArguments(root: String) -> [String] {
        guard tool != .dockerBuildx else { return [] }
        return ["--storage-driver", "vfs", "--root", joinPath(root, "storage"), "--runroot", joinPath(root, "run")]
    }

    /// The build command's verb(s): `bud` (buildah), `build` (podman), `buildx build` (docker).
    var buildVerb: [String] {
        switch tool {
        case .buildah: ["bud"]
        case .podman: ["build"]
        case .dockerBuildx: ["buildx", "build"]
        }
    }
}
