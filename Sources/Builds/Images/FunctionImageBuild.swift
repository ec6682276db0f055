// An image without a Dockerfile: a runtime builder's output as one /var/task layer on the Lambda base.
import Crypto
import Foundation
import Templates

/// Builds `PackageType: Image` functions whose `Metadata.BuildMethod` names a runtime
/// (`python3.12`) and that have no Dockerfile: the runtime's builder (the same one zip functions
/// use: dependencies and code) builds the code folder, and its output becomes one deterministic
/// layer at `/var/task` (the base's `LAMBDA_TASK_ROOT`) on the runtime's Lambda base image
/// (`public.ecr.aws/lambda/python:3.12`, from `[images.bases]`), with `CMD` set to the command.
///
/// The key is the base's digest, the builder's own key (source files, requirements, runtime,
/// architecture, builder version), the command and the platform; an unchanged key builds nothing.
package enum FunctionImageBuild {
    /// The Lambda base image of `runtime`: `python3.12` → `public.ecr.aws/lambda/python:3.12`,
    /// `nodejs22.x` → `public.ecr.aws/lambda/nodejs:22`; nil for runtimes without one Ferry builds.
    package static func baseReference(runtime: String) -> String? {
        if runtime.hasPrefix("python"), runtime.dropFirst(6).first?.isNumber == true {
            return "public.ecr.aws/lambda/python:\(runtime.dropFirst(6))"
        }
        if runtime.hasPrefix("nodejs"), runtime.hasSuffix(".x"), Int(runtime.dropFirst(6).dropLast(2)) != nil {
            return "public.ecr.aws/lambda/nodejs:\(runtime.dropFirst(6).dropLast(2))"
        }
        return nil
    }

    /// The image's `CMD`: `ImageConfig.Command`, else `[Handler]`; nil when neither is set.
    static func command(_ function: FunctionFacts) -> [String]? {
        if let command = function.properties["ImageConfig"]?.mapValue?["Command"]?.listValue?.compactMap(\.stringValue),
           !command.isEmpty {
            return command
        }
        return function.handler.map { [$0] }
    }

    /// Builds `image` (which has a `buildMethod`) with `builder` into `request.output`; `workFolder`
    /// is scratch space the builder may fill (the caller removes it).
    /// - Throws: `ContainerBuildError` (no base for the runtime, no command: bad input), `ImageError`
    ///   (base not mapped, another architecture), the builder's `BuilderError`.
    package static func build(_ image: PlannedImage, builder: (any FunctionBuilder)?, request: ImageBuildRequest,
                              workFolder: String) async throws -> ImageBuildResult {
        let target = image.target
        let runtime = image.buildMethod ?? ""
        guard let reference = baseReference(runtime: runtime) else {
            throw ContainerBuildError(.noFunctionBase(function: target.qualifiedName, runtime: runtime))
        }
        guard let command = image.command, !command.isEmpty else {
            throw ContainerBuildError(.noFunctionCommand(function: target.qualifiedName, file: target.templateFile, line: target.line))
        }
        guard let builder else { throw ContainerBuildError(.noRuntimeBuilder(function: target.qualifiedName, runtime: runtime)) }
        let buildRequest = BuildRequest(
            logicalID: LogicalID(target.logicalID), stackPath: target.stackPath, kind: .function, sourceFolder: image.context,
            runtime: runtime, architecture: image.architecture,
            templateFolder: URL(fileURLWithPath: target.templateFile).deletingLastPathComponent().path,
            templateFile: target.templateFile)
        let base = try ImageAssembler.base(reference, request: request, file: target.templateFile)
        let code = BuildKey(try await builder.buildKeyInputs(for: buildRequest))
        var hash = SHA256()
        for part in ["ferry-image-function-v1", base.manifestDigest, code.hex, request.architecture, runtime] + command {
            hash.update(data: Array(part.utf8) + [0])
        }
        let key = SHA256Digest(hash.finalize()).hex
        if let cached = try ImageAssembler.cached(key: key, request: request) { return cached }

        try POSIX.makeDirectories(workFolder)
        let staged = try await builder.build(buildRequest, workFolder: workFolder)
        let taskRoot = (base.config["config"]?["Env"]?.array ?? []).compactMap(\.string)
            .first { $0.hasPrefix("LAMBDA_TASK_ROOT=") }.map { String($0.dropFirst("LAMBDA_TASK_ROOT=".count)) } ?? "/var/task"
        let entries = try layerEntries(staged, under: ImagePath.normalize(taskRoot))
        let temporary = try request.store.temporaryFile()
        let blob: LayerBlob
        do { blob = try TarLayerWriter.write(entries, to: temporary) } catch {
            POSIX.removeFile(temporary)
            throw error
        }
        try request.store.adopt(temporary, digest: blob.digest)
        var editor = ImageConfigEditor(config: base.config)
        editor.addLayer(diffID: blob.diffID, createdBy: "COPY \(runtime) build of \(target.logicalID) \(taskRoot) # ferry")
        editor.apply(.cmd(command))
        return try ImageAssembler.finish(config: editor.config, layers: base.layers + [ImageAssembler.descriptor(blob)],
                                         newLayers: [blob], key: key, request: request)
    }

    /// The layer entries of a staged build placed under `root` (`/var/task`): the parts' files
    /// first, the folder's files over them (as the zip of the same build has them), every parent
    /// folder explicit.
    static func layerEntries(_ staged: StagedBuild, under root: String) throws -> [LayerEntry] {
        var files: [String: LayerEntry] = [:]
        let prefix = String(root.dropFirst())
        func add(_ tree: FileTree, prefix partPrefix: String) {
            for entry in tree.entries {
                let path = prefix.isEmpty ? partPrefix + entry.relativePath : prefix + "/" + partPrefix + entry.relativePath
                files[path] = LayerEntry(path: path, isDirectory: false, mode: UInt32(entry.normalizedPermissions),
                                         source: entry.sourcePath)
            }
        }
        for part in staged.parts {
            add(try FileTree.scan(part.folder, rules: IgnoreRules(), readIgnoreFile: false), prefix: part.prefix)
        }
        add(try FileTree.scan(staged.folder, rules: staged.zipsAsLeft ? IgnoreRules() : .always, readIgnoreFile: false), prefix: "")
        var all = files
        let folders = files.keys.map { $0.split(separator: "/").dropLast() } + [prefix.split(separator: "/")[...]]
        for var parts in folders {
            while !parts.isEmpty {
                let folder = parts.joined(separator: "/")
                if all[folder] == nil { all[folder] = LayerEntry(path: folder, isDirectory: true, mode: 0o755, source: nil) }
                parts = parts.dropLast()
            }
        }
        return Array(all.values)
    }
}
