import ArgumentParser
import Foundation
import Pipeline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ferry up`: build → package → plan → deploy, hot-swap or nothing → verify.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Build, package, plan, then deploy, hot-swap or do nothing, and verify: one command to bring an environment up to date.",
        discussion: """
        A code-only change is hot-swapped where the environment allows it (hotswap = true; never in prod), any other \
        change goes through a CloudFormation change set, and nothing to do makes no AWS write at all. Ends with one \
        summary that times each phase.
        Exits 0 when everything runs the local build, 1 when the deploy or a hot-swap failed or anything was not verified \
        afterwards (stale, not deployed, not checkable).
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var stackSelection: StackSelectionOptions

    @Flag(name: .customLong("skip-build"), help: "Reuse the last build (.ferry/build/manifest.json).")
    var skipBuild = false

    @Flag(name: .customLong("dry-run"), help: "Build and plan only; change nothing (like `ferry plan`).")
    var dryRun = false

    @OptionGroup var approval: ApprovalOptions

    @Flag(name: .customLong("skip-gates"), help: "Do not run the environment's before_deploy gates (printed as a warning).")
    var skipGates = false

    @Option(name: .customLong("lock-timeout"),
            help: ArgumentHelp("Seconds to wait while someone else holds the environment's deploy lock (default 0: stop at once).", valueName: "seconds"))
    var lockTimeout: Int = 0

    @Option(name: .customLong("traffic"),
            help: ArgumentHelp("Shift aliases that get a new version gradually, watching [env.X.traffic] alarms: canary:PCT:WAIT, linear:PCT:EVERY or all-at-once (overrides the environment's strategy).", valueName: "strategy"))
    var traffic: String?

    func validate() throws {
        if let traffic { _ = try Self.strategy(traffic) }
    }

    /// `--traffic` parsed; a bad strategy is a usage error (exit 64).
    static func strategy(_ text: String) throws -> TrafficStrategy {
        do {
            return try TrafficStrategy.parse(text)
        } catch let error as TrafficStrategyError {
            throw ValidationError("--traffic: \(error.description)")
        }
    }
    @OptionGroup var remoteCache: RemoteCacheOptions

    func run() async throws {
        let context = CommandContext(options: global, scope: .up(dryRun: dryRun), live: true)
        let interruption = DeployInterruption()
        let watcher = InterruptWatcher(interruption: interruption, json: global.json)
        watcher.start()
        defer { watcher.stop() }
        let request = context.projectRequest(parameterOverrides: planning.parameters)
        var options = UpPhase.Options(
            processEnvironment: context.environment, noHotswap: planning.noHotswap, skipBuild: skipBuild, dryRun: dryRun,
            concurrency: planning.concurrency, approval: approval.input, interruption: interruption)
        options.skipGates = skipGates
        options.lockTimeout = .seconds(lockTimeout)
        options.stacks = stackSelection.selection
        options.traffic = try traffic.map(Self.strategy)
        options.remoteCache = remoteCache.settings(environment: context.environment)
        let output = try await context.reportingErrors {
            try await UpPhase(options: options).run(request, sink: context.sink)
        }
        if output.isStale { throw CommandFailure(exitCode: .failure) }
    }
}
