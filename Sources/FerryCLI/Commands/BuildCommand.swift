import ArgumentParser
import Configuration
import Foundation
import Pipeline

/// `ferry build`: builds every function and layer of the environment's template tree.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every function and layer (cached by content) and write .ferry/build/manifest.json.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stackSelection: StackSelectionOptions

    @Flag(help: "Ignore the build cache: build everything again (the cache is still refreshed).")
    var clean = false

    @Option(help: "The most builds at once (default: [build] concurrency in ferry.toml, else the number of cores).")
    var concurrency: Int?

    @OptionGroup var remoteCache: RemoteCacheOptions

    @Argument(help: "Build only these logical IDs (or Stack/Path/LogicalID); default: all.")
    var logicalIDs: [String] = []

    func validate() throws {
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        let context = CommandContext(options: global, live: true)
        try await context.reportingErrors {
            let project = try ProjectConfiguration.load(directory: context.workingDirectory, explicitPath: context.configURL)
            let environment = try project.environment(named: global.environment)
            var options = BuildPhase.Options(
                projectRoot: project.directory, templateFile: environment.templateFile,
                commands: environment.build.commands, concurrency: concurrency ?? environment.build.concurrency,
                clean: clean, only: logicalIDs, environment: context.environment)
            options.stacks = stackSelection.selection
            options.imageBases = environment.build.images.bases
            options.values = TemplateValues(environment: environment, region: context.sessionOptions.region)
            let remote = remoteCache.settings(environment: context.environment)
            if remote.reads {
                // `ferry build` leaves zips on disk: hits are downloaded (and their SHA-256 checked).
                options.remoteCache = BucketBuildLookup(environment: environment, session: context.sessionOptions,
                                                        needsBytes: true, signingKey: remote.signingKey, sink: context.sink)
            }
            _ = try await BuildPhase(options: options).run(sink: context.sink)
        }
    }
}
