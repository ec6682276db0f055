import ArgumentParser
import Foundation
import Pipeline

/// `ferry update`: hot-swap code and definitions without CloudFormation, then verify them.
struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Hot-swap changed Lambda code, Step Functions definitions and AppSync code without CloudFormation.",
        discussion: """
        Compares the local build (.ferry/build/manifest.json) and templates with what runs, shows the plan, \
        updates only what differs, waits, and checks that each resource then runs the local build. \
        Refused where the environment has hotswap = false (prod by default): use `ferry deploy` there. \
        A change CloudFormation must make (a new resource, a changed setting) stops the update before anything changes.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stackSelection: StackSelectionOptions

    @Option(help: "The most updates at once (default 10).")
    var concurrency: Int = 10

    @Flag(help: "Show the plan and change nothing.")
    var dryRun = false

    @Flag(name: .customLong("skip-gates"), help: "Do not run the environment's before_deploy gates (printed as a warning).")
    var skipGates = false

    @Option(name: .customLong("lock-timeout"),
            help: ArgumentHelp("Seconds to wait while someone else holds the environment's deploy lock (default 0: stop at once).", valueName: "seconds"))
    var lockTimeout: Int = 0

    @Argument(help: ArgumentHelp("Update only these logical IDs (or Stack/Path/LogicalID); default: all.", valueName: "logical-id"))
    var logicalIDs: [String] = []

    @Flag(name: .customLong("no-cache-write"),
          help: "Do not share the hot-swapped zips through the remote build cache (also [cache] write = false, FERRY_CACHE_WRITE=0).")
    var noCacheWrite = false

    func validate() throws {
        if lockTimeout < 0 { throw ValidationError("--lock-timeout must be 0 or more seconds.") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        let context = CommandContext(options: global, live: true)
        try await context.reportingErrors {
            var options = HotswapPhase.Options(concurrency: concurrency, dryRun: dryRun, only: logicalIDs)
            options.skipGates = skipGates
            options.lockTimeout = .seconds(lockTimeout)
            options.stacks = stackSelection.selection
            options.remoteCache = RemoteCacheSettings.resolve(configuredWrite: nil, noCacheWrite: noCacheWrite,
                                                              environment: context.sessionOptions.processEnvironment)
            _ = try await HotswapPhase(options: options).run(context.projectRequest(), sink: context.sink)
        }
    }
}
