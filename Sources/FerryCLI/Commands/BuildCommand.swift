import ArgumentParser
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
            var options = try BuildPhase.Options.environment(
                global.environment, projectRoot: context.workingDirectory, configPath: context.configURL,
                region: context.sessionOptions.region, processEnvironment: context.environment,
                session: context.sessionOptions, remoteCache: remoteCache.settings(environment: context.environment),
                sink: context.sink)
            if let concurrency { options.concurrency = concurrency }
            options.clean = clean
            options.only = logicalIDs
            options.stacks = stackSelection.selection
            _ = try await BuildPhase(options: options).run(sink: context.sink)
        }
    }
}
