// One run of a container builder: bases handed over, the build, the export as an OCI layout.
import Foundation
import Toolchains

/// The commands of one container build, in a work folder of its own under
/// `.ferry/images/containers/` (next to the builder's storage, which Ferry keeps apart from the
/// user's images): hand over the bases, build, export `out/` as an OCI layout, remove the image.
struct ContainerBuildSession {
    let builder: ContainerBuilder
    let request: ImageBuildRequest
    let environment: [String: String]
    let dockerfile: String
    /// `.ferry/images/containers`.
    let root: String
    /// This build's folder (lower-case name: buildah names an image pulled from `oci:base0` after it).
    let work: String
    /// The tag the built image gets in the builder's storage.
    let tag: String

    init(builder: ContainerBuilder, request: ImageBuildRequest, key: String, environment: [String: String],
         dockerfile: String) throws {
        self.builder = builder
        self.request = request
        self.environment = environment
        self.dockerfile = dockerfile
        root = joinPath(request.recordFolder, "containers")
        work = joinPath(root, "work-\(key.prefix(16))-\(UInt32.random(in: 0...UInt32.max))")
        tag = "localhost/ferry-build:\(key.prefix(32))"
        try POSIX.makeDirectories(work)
    }

    /// Runs the build and returns the exported OCI layout folder.
    func build(bases: [ImageAssembler.Base]) async throws -> String {
        var contexts: [String] = []
        for (index, base) in bases.enumerated() {
            let folder = "base\(index)"
            try OCILayout.write(to: joinPath(work, folder), manifestDigest: base.manifestDigest, manifestSize: base.manifestSize,
                                blobs: base.blobs, store: request.store, tag: "base")
            if builder.tool == .dockerBuildx {
                contexts += ["--build-context", "\(base.reference)=oci-layout://\(joinPath(work, folder)):base"]
            } else {
                let pulled = try await run(["pull", "--quiet", "oci:\(folder):base"], step: "taking the base \(base.reference)")
                guard let id = pulled.split(whereSeparator: \.isNewline).last.map(String.init), !id.isEmpty else {
                    throw ContainerBuildError(.unreadableOutput(tool: builder.name, file: dockerfile, message: "pull printed no image ID"))
                }
                _ = try await run(["tag", id, base.reference], step: "naming the base \(base.reference)")
            }
        }
        var arguments = builder.buildVerb + ["--platform", "linux/\(request.architecture)", "-f", dockerfile]
        switch builder.tool {
        case .buildah, .podman:
            arguments += ["--isolation", "chroot", "--timestamp", "0", "--identity-label=false", "--pull=never", "-t", tag]
        case .dockerBuildx:
            arguments += contexts + ["--provenance=false", "--sbom=false", "--build-arg", "SOURCE_DATE_EPOCH=0",
                                     "--output", "type=oci,dest=\(joinPath(work, "out")),tar=false"]
        }
        for (name, value) in request.arguments.sorted(by: { $0.key < $1.key }) { arguments += ["--build-arg", "\(name)=\(value)"] }
        if let target = request.target { arguments += ["--target", target] }
        arguments.append(request.context)
        _ = try await run(arguments, step: "building")
        if builder.tool != .dockerBuildx {
            _ = try await run(["push", tag, "oci:out:latest"], step: "exporting the image as an OCI layout")
            _ = try? await run(["rmi", tag], step: "removing the built image")
        }
        return joinPath(work, "out")
    }

    /// Removes the work folder (the builder's storage stays for the next build).
    func cleanUp() {
        try? FileManager.default.removeItem(atPath: work)
    }

    /// Runs the builder with Ferry's storage flags in the work folder; its standard output on success.
    private func run(_ arguments: [String], step: String) async throws -> String {
        let all = builder.storageArguments(root: root) + arguments
        let output: ProcessOutput
        do {
            output = try await ProcessRunner().run(builder.executable, all, environment: environment,
                                                   workingDirectory: URL(fileURLWithPath: work))
        } catch {
            throw ContainerBuildError(.builderFailed(tool: builder.name, step: step, file: dockerfile, output: "\(error)"))
        }
        guard output.succeeded else {
            let command = ([builder.executable] + all).joined(separator: " ")
            throw ContainerBuildError(.builderFailed(tool: builder.name, step: step, file: dockerfile,
                                                     output: "$ \(command)\n" + output.stdout + output.stderr))
        }
        return output.stdout
    }
}
