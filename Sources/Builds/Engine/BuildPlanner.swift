// Choosing a builder for every function and layer of a template tree.
import Foundation
import Templates

extension BuildPlan {
    /// The plan for every stack of `tree`.
    ///
    /// Rules, per function or layer with `Zip` packaging:
    /// - a `[build.commands]` entry (by logical ID or qualified name) → the custom command builder;
    /// - `Metadata.BuildMethod: makefile` → the Makefile builder;
/// - `Metadata.SkipBuild: true` → the folder packaged as it is (SAM's meaning);
/// - `Metadata.BuildMethod: esbuild` → the esbuild builder, with `Metadata.BuildProperties`
///   (checked here: `EntryPoints` is required);
    /// - code that is a `.zip` file → the prebuilt zip, as is;
    /// - functions: the builder of `Runtime` (`python3.x`, `nodejs*.x`); layers: the builder of
    ///   `BuildMethod`, or packaged as they are when there is none (as SAM does);
    /// - `PackageType: Image` with `Metadata` `Dockerfile`/`DockerContext` → an image build
    ///   (`plan.images`); with `Metadata.BuildMethod` and no `Dockerfile` → the runtime builder's
    ///   output as an image layer; with neither, a pushed `ImageUri` is deployed as it is;
    /// - `InlineCode`, images with a pushed `ImageUri` and code already in S3 are skipped with a reason.
    ///
    /// Resources with the same source, builder, runtime, architecture and build settings share
    /// one build. Other local artifacts (definitions, schemas, resolver code) are listed in `files`.
    /// - Throws: `BuildPlanError` for an unsupported runtime or build method, naming the resource,
    ///   the template file and line, and what is supported.
    package static func make(
        tree: TemplateTree, commands: [String: String] = [:], catalog: BuilderCatalog
    ) throws -> BuildPlan {
        var planner = Planner(commands: commands, catalog: catalog)
        planner.projectRoot = tree.root.templateURL.deletingLastPathComponent().standardizedFileURL.path
        for stack in tree.allStacks { try planner.add(stack) }
        var plan = BuildPlan(builds: planner.builds, skipped: planner.skipped, files: planner.files)
        plan.images = planner.images
        return plan
    }
}

private struct Planner {
    let commands: [String: String]
    let catalog: BuilderCatalog
    var builds: [PlannedBuild] = []
    var skipped: [SkippedResource] = []
    var files: [PackagedFile] = []
    var images: [PlannedImage] = []
    var index: [String: Int] = [:]
    /// The root template's folder: code reached through a link must resolve inside it.
    var projectRoot: String?

    init(commands: [String: String], catalog: BuilderCatalog) {
        self.commands = commands
        self.catalog = catalog
    }

    mutating func add(_ stack: StackNode) throws {
        let template = stack.template
        let file = stack.templateURL.path
        for function in template.functions(evaluatedBy: stack.evaluator) {
            let resource = template.resources[function.logicalID]
            let target = BuildTarget(stackPath: stack.stackPath, logicalID: function.logicalID.rawValue,
                                     resourceType: function.resourceType, templateFile: file, line: resource?.line)
            if function.hasInlineCode {
                skipped.append(SkippedResource(target: target, reason: "inline code, nothing to build"))
                continue
            }
            if function.packageType == .image {
                if let image = plannedImage(function, stack: stack, target: target) {
                    images.append(image)
                    continue
                }
                try checkImage(function, target: target, line: resource?.line)
                skipped.append(SkippedResource(target: target, reason: "container image (PackageType: Image)"))
                continue
            }
            guard let artifact = codeArtifact(of: function.logicalID, in: stack) else {
                skipped.append(SkippedResource(target: target, reason: "code is not a local path (already in S3)"))
                continue
            }
            let runtime = function.runtime ?? ""
            let builder = try chooseFunctionBuilder(function, artifact: artifact, stack: stack, target: target)
            try addBuild(target: target, stack: stack, artifact: artifact, kind: .function, runtime: runtime,
                         architecture: function.architecture, buildMethod: function.buildMethod, builder: builder,
                         buildProperties: builder.builderName == catalog.esbuild.builderName
                            ? function.metadata?["BuildProperties"]?.mapValue : nil)
        }
        for layer in template.layers(evaluatedBy: stack.evaluator) {
            let resource = template.resources[layer.logicalID]
            let target = BuildTarget(stackPath: stack.stackPath, logicalID: layer.logicalID.rawValue,
                                     resourceType: layer.resourceType, templateFile: file, line: resource?.line)
            guard let artifact = codeArtifact(of: layer.logicalID, in: stack) else {
                skipped.append(SkippedResource(target: target, reason: "content is not a local path (already in S3)"))
                continue
            }
            let method = layer.buildMethod
            let runtime = method.flatMap { catalog.builder(forRuntime: $0) != nil ? $0 : nil }
                ?? layer.compatibleRuntimes.first ?? ""
            let builder = try chooseLayerBuilder(layer, artifact: artifact, stack: stack, target: target)
            try addBuild(target: target, stack: stack, artifact: artifact, kind: .layer, runtime: runtime,
                         architecture: layer.architecture, buildMethod: method, builder: builder)
        }
        for artifact in stack.artifacts where isPlainFile(artifact) && artifact.excludedByCondition == nil {
            files.append(PackagedFile(
                stackPath: stack.stackPath, logicalID: artifact.logicalID?.rawValue, resourceType: artifact.resourceType,
                property: artifact.propertyPath.joined(separator: "."), localPath: artifact.localPath.path,
                kind: artifact.kind == .zipFolder ? "folder" : "file"))
        }
    }

    /// An image function without build `Metadata` deploys as it is only when `ImageUri` names a
    /// pushed image; otherwise the build fails here, before anything runs.
    private func checkImage(_ function: FunctionFacts, target: BuildTarget, line: Int?) throws {
        if function.imageURI == nil {
            throw error(.imageBuildNotSupported(detail: "no ImageUri"), target: target, line: line)
        }
    }

    /// The image build an image function's `Metadata` asks for (`Dockerfile` or `DockerContext`), or nil.
    /// `Metadata.BuildMethod` without a `Dockerfile` asks for the runtime builder's output as an image.
    private func plannedImage(_ function: FunctionFacts, stack: StackNode, target: BuildTarget) -> PlannedImage? {
        guard let metadata = function.metadata else { return nil }
        let folder = stack.templateURL.deletingLastPathComponent()
        let context = folder.appendingPathComponent(metadata["DockerContext"]?.stringValue ?? ".").standardizedFileURL.path
        if metadata["Dockerfile"]?.stringValue == nil, let method = function.buildMethod {
            return PlannedImage(target: target, codeFolder: context, buildMethod: method,
                                command: FunctionImageBuild.command(function), architecture: function.architecture,
                                tag: metadata["DockerTag"]?.stringValue)
        }
        guard metadata["Dockerfile"]?.stringValue != nil || metadata["DockerContext"]?.stringValue != nil else { return nil }
        var arguments: [String: String] = [:]
        if let map = metadata["DockerBuildArgs"]?.mapValue {
            for key in map.keys { if let value = map[key]?.stringValue { arguments[key] = value } }
        }
        return PlannedImage(
            target: target, context: context, dockerfile: metadata["Dockerfile"]?.stringValue ?? "Dockerfile",
            arguments: arguments, stage: metadata["DockerBuildTarget"]?.stringValue,
            architecture: function.architecture, tag: metadata["DockerTag"]?.stringValue)
    }

    private func isPlainFile(_ artifact: LocalArtifact) -> Bool {
        guard artifact.kind != .nestedTemplate else { return false }
        return !(artifact.property.content == .zipArchive && Self.lambdaTypes.contains(artifact.resourceType))
    }

    private static let lambdaTypes: Set<String> = [
        "AWS::Serverless::Function", "AWS::Lambda::Function", "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion",
    ]

    private func codeArtifact(of id: LogicalID, in stack: StackNode) -> LocalArtifact? {
        stack.artifacts.first { artifact in
            guard case .resource(let owner) = artifact.origin, owner == id, artifact.excludedByCondition == nil else { return false }
            return artifact.property.content == .zipArchive && Self.lambdaTypes.contains(artifact.resourceType)
        }
    }

    private func command(for target: BuildTarget) -> String? {
        commands[target.qualifiedName] ?? commands[target.logicalID]
    }

    private func chooseFunctionBuilder(_ function: FunctionFacts, artifact: LocalArtifact, stack: StackNode,
                                       target: BuildTarget) throws -> any FunctionBuilder {
        if let shared = try sharedChoice(artifact: artifact, method: function.buildMethod, target: target) { return shared }
        let resource = stack.template.resources[function.logicalID]
        if skipsBuild(function.metadata) { return catalog.folderCopy }
        if function.buildMethod?.lowercased() == "esbuild" {
            do {
                _ = try EsbuildOptions(properties: function.metadata?["BuildProperties"]?.mapValue)
            } catch {
                let properties = function.metadata?["BuildProperties"]?.mapValue
                let line = error.key.flatMap { properties?.line(of: $0) } ?? resource?.metadata?.line(of: "BuildProperties")
                    ?? resource?.metadata?.line(of: "BuildMethod") ?? resource?.line
                throw self.error(.badBuildProperties(detail: error.description), target: target, line: line)
            }
            return catalog.esbuild
        }
        let runtimeLine = resource?.properties.line(of: "Runtime")
            ?? stack.template.globals?["Function"]?.mapValue?.line(of: "Runtime") ?? resource?.line
        if let method = function.buildMethod, method != function.runtime {
            throw error(.unsupportedBuildMethod(method: method, supported: catalog.supportedDescription),
                        target: target, line: resource?.metadata?.line(of: "BuildMethod") ?? resource?.line)
        }
        guard let runtime = function.runtime else {
            throw error(.missingRuntime(supported: catalog.supportedDescription), target: target, line: resource?.line)
        }
        guard let builder = catalog.builder(forRuntime: runtime) else {
            throw error(.unsupportedRuntime(runtime: runtime, supported: catalog.supportedDescription),
                        target: target, line: runtimeLine)
        }
        return builder
    }

    private func chooseLayerBuilder(_ layer: LayerFacts, artifact: LocalArtifact, stack: StackNode,
                                    target: BuildTarget) throws -> any FunctionBuilder {
        if let shared = try sharedChoice(artifact: artifact, method: layer.buildMethod, target: target) { return shared }
        if skipsBuild(layer.metadata) { return catalog.folderCopy }
        guard let method = layer.buildMethod else { return catalog.folderCopy }
        guard let builder = catalog.builder(forRuntime: method) else {
            let resource = stack.template.resources[layer.logicalID]
            throw error(.unsupportedBuildMethod(method: method, supported: catalog.supportedDescription),
                        target: target, line: resource?.metadata?.line(of: "BuildMethod") ?? resource?.line)
        }
        return builder
    }

    /// The choices common to functions and layers: command, makefile, prebuilt zip, single file.
    private func sharedChoice(artifact: LocalArtifact, method: String?, target: BuildTarget) throws -> (any FunctionBuilder)? {
        if let command = command(for: target) { return catalog.customCommand(command) }
        switch artifact.kind {
        case .file: return catalog.prebuiltZip
        case .zipFile:
            throw error(.codeIsSingleFile(path: artifact.localPath.path), target: target, line: artifact.line)
        case .zipFolder, .nestedTemplate: break
        }
        if method?.lowercased() == "makefile" { return catalog.makefile }
        return nil
    }

    /// `Metadata.SkipBuild: true`: SAM zips the folder as it is.
    private func skipsBuild(_ metadata: TemplateMap?) -> Bool {
        metadata?["SkipBuild"]?.boolValue == true
    }

    /// Refuses code whose path lies inside the project but resolves outside it through a symbolic
    /// link (the CodeUri itself or a folder on its way), as links inside a function folder are.
    private func checkLinks(_ path: String, target: BuildTarget, line: Int?) throws {
        guard let projectRoot, let resolvedRoot = POSIX.realPath(projectRoot), let resolved = POSIX.realPath(path) else { return }
        func inside(_ path: String, _ root: String) -> Bool { path == root || path.hasPrefix(root == "/" ? "/" : root + "/") }
        guard inside(path, projectRoot), !inside(resolved, resolvedRoot) else { return }
        throw error(.codeLinkLeavesProject(path: path, target: resolved, project: projectRoot), target: target, line: line)
    }

    private func error(_ kind: BuildPlanError.Kind, target: BuildTarget, line: Int?) -> BuildPlanError {
        BuildPlanError(kind, logicalID: LogicalID(target.logicalID), stackPath: target.stackPath,
                       file: target.templateFile, line: line)
    }

    private mutating func addBuild(target: BuildTarget, stack: StackNode, artifact: LocalArtifact,
                                   kind: BuildRequest.Kind, runtime: String, architecture: String,
                                   buildMethod: String?, builder: any FunctionBuilder,
                                   buildProperties: TemplateMap? = nil) throws {
        let command = command(for: target)
        let source = artifact.localPath.standardizedFileURL
        try checkLinks(source.path, target: target, line: artifact.line)
        var identity = [builder.builderName, source.path, runtime, architecture, kind.rawValue, buildMethod ?? "",
                        command ?? ""]
        if builder.builderName == catalog.makefile.builderName || command != nil { identity.append(target.logicalID) }
        if let buildProperties {
            identity.append((try? EsbuildOptions(properties: buildProperties))?.keyText ?? String(describing: buildProperties))
        }
        let key = identity.joined(separator: "\u{0}")
        if let existing = index[key] {
            let build = builds[existing]
            builds[existing] = PlannedBuild(targets: build.targets + [target], request: build.request, builder: build.builder)
            return
        }
        let request = BuildRequest(
            logicalID: LogicalID(target.logicalID), stackPath: target.stackPath, kind: kind, sourceFolder: source.path,
            runtime: runtime, architecture: architecture,
            templateFolder: stack.templateURL.deletingLastPathComponent().path, templateFile: stack.templateURL.path,
            buildProperties: buildProperties)
        index[key] = builds.count
        builds.append(PlannedBuild(targets: [target], request: request, builder: builder))
    }
}
