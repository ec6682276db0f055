// `ferry build` as a phase: template tree → plan → engine → manifest.
import Builds
import Foundation
import Reporting
import Templates

/// Loads the template tree, plans, builds, and writes `.ferry/build/manifest.json`.
package struct BuildPhase: Sendable {
    /// What to build and how.
    package struct Options: Sendable {
        /// The project folder (`.ferry/` lives here).
        package var projectRoot: URL
        /// The main template.
        package var templateFile: URL
        /// `[build.commands]`: a shell command per logical ID.
        package var commands: [String: String]
        /// The most builds at once; nil for the number of cores.
        package var concurrency: Int?
        /// `--clean`: ignore the cache (still refresh it).
        package var clean: Bool
        /// Build only these logical IDs (or qualified `Stack/Path/LogicalID`); empty for all.
        package var only: [String]
        /// The environment builder processes start with.
        package var environment: [String: String]
        /// `--stack`: build only the functions and layers of these stacks (and the stacks under
        /// them); the manifest keeps the last build of the others.
        package var stacks = StackSelection.everything
        /// The builders; nil for Ferry's own (`BuilderCatalog.standard`).
        package var catalog: BuilderCatalog?
        /// The values templates are evaluated with (parameters, region, stack name).
        package var values = TemplateValues()
        /// The remote build cache asked after a local miss (not with `clean`); nil for none.
        package var remoteCache: (any RemoteBuildLookup)?
        /// `[images.bases]`: base image references mapped to local OCI layouts.
        package var imageBases: [String: String] = [:]
        /// How bases `imageBases` does not map are pulled (anonymous only when nil).
        package var registryAccess: BaseRegistryAccess?

        /// Options; everything but the paths has a default.
        package init(projectRoot: URL, templateFile: URL, commands: [String: String] = [:], concurrency: Int? = nil,
                    clean: Bool = false, only: [String] = [],
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    catalog: BuilderCatalog? = nil) {
            self.projectRoot = projectRoot
            self.templateFile = templateFile
            self.commands = commands
            self.concurrency = concurrency
            self.clean = clean
            self.only = only
            self.environment = environment
            self.catalog = catalog
        }
    }

    /// What the phase produced.
    package struct Output: Sendable {
        /// The manifest written.
        package let manifest: BuildManifest
        /// Where it was written.
        package let manifestURL: URL
        /// Every outcome.
        package let result: BuildResult
    }

    /// The options.
    package let options: Options

    /// A phase with `options`.
    package init(options: Options) { self.options = options }

    /// Runs the phase. When a build fails, the others still finish, the manifest is not written,
    /// and `BuildRunError` is thrown (after the events reported each failure).
    /// - Throws: `TemplateError`, `BuildPlanError`, `BuildRunError`, or an I/O error writing the manifest.
    package func run(sink: any EventSink) async throws -> Output {
        try await run(tree: try options.values.loadTree(options.templateFile), sink: sink)
    }

    /// Runs the phase on a template tree already loaded (`ferry up` loads it once for every phase).
    /// - Throws: as ``run(sink:)``.
    func run(tree: TemplateTree, sink: any EventSink) async throws -> Output {
        try tree.requireArtifacts(neededToBuild: true)
        for note in tree.notes { sink.emit(TemplateNoteEvent(note: note)) }
        let catalog = options.catalog
            ?? BuilderCatalog.standard(projectRoot: options.projectRoot.path, environment: options.environment,
                                       clean: options.clean).sharingTrees(options.clean ? nil : options.remoteCache)
        var plan = try BuildPlan.make(tree: tree, commands: options.commands, catalog: catalog).selecting(options.only)
        let selected = try options.stacks.resolve(in: tree)
        if !selected.isEverything {
            plan.builds = plan.builds.filter { build in build.targets.contains { selected.contains(stackPath: $0.stackPath) } }
            plan.skipped = plan.skipped.filter { selected.contains(stackPath: $0.target.stackPath) }
        }
        try FerryFolder.requireWritable(projectRoot: options.projectRoot)
        let ferry = options.projectRoot.appendingPathComponent(".ferry")
        var engine = BuildEngine(
            cache: BuildCache(projectRoot: options.projectRoot.path, clean: options.clean),
            workDirectory: ferry.appendingPathComponent("build/tmp", isDirectory: true),
            concurrency: options.concurrency ?? BuildEngine.defaultConcurrency, sink: sink)
        engine.remote = options.clean ? nil : options.remoteCache
        try ImageBuildStep.requireDockerfiles(plan.images)
        let result = await engine.run(plan)
        try result.requireSuccess()
        let url = BuildManifest.location(projectRoot: options.projectRoot)
        var manifest = BuildManifest(result: result)
        if !options.only.isEmpty || !selected.isEverything, let previous = try? BuildManifest.read(from: url) {
            manifest = manifest.merging(previous: previous)
        }
        try manifest.write(to: url)
        if options.only.isEmpty && selected.isEverything { // every function and layer was planned: prune the rest
            let report = DependencyStorePruner.prune(ferryFolder: ferry.path, current: plan.builds.map(\.request))
            if !report.removed.isEmpty { sink.emit(DependencyPruneEvent(report: report)) }
        }
        let pulled = try await BasePuller(
            store: BlobStore(root: ferry.appendingPathComponent("blobs").path), folder: ferry.appendingPathComponent("bases"),
            access: options.registryAccess ?? BaseRegistryAccess(), sink: sink).pull(plan.images, configured: options.imageBases)
        try await ImageBuildStep.run(plan.images, projectRoot: options.projectRoot, bases: options.imageBases, pulled: pulled,
                                     catalog: catalog, environment: options.environment, sink: sink)
        return Output(manifest: manifest, manifestURL: url, result: result)
    }
}
