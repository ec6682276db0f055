import ArgumentParser
import Foundation
import Pipeline

/// `ferry watch`: rebuild and hot-swap on every saved change, with the latency of each cycle.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the sources, rebuild what changed and hot-swap it; print each cycle's latency.",
        discussion: """
        Watches every function's source folder, its requirements files and local packages, layers, state machine \
        definitions, AppSync files and the templates (build output, caches, lock files and editor temp files are \
        ignored). After a quiet period it builds what changed and hot-swaps only the affected resources, then \
        verifies them. A template change, a layer change or a change CloudFormation must make is reported as \
        "run ferry up" and watching goes on; so does a failed build or swap. Refused where the environment has \
        hotswap = false. Ctrl-C stops watching (exit code 130).
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Milliseconds without a new change before a cycle starts.")
    var debounce: Int = 300

    @Option(help: "The most hot-swap operations at once.")
    var concurrency: Int = 10

    @Flag(help: "Poll for changes every 500 ms instead of using inotify.")
    var poll = false

    func validate() throws {
        if debounce < 0 { throw ValidationError("--debounce must be 0 or more milliseconds.") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        let context = CommandContext(options: global)
        let options = WatchSession.Options(
            debounce: .milliseconds(debounce), concurrency: concurrency, polling: poll, processEnvironment: context.environment)
        let session = WatchSession(request: context.projectRequest(), options: options)
        let sink = context.sink
        let task = Task { try await session.run(sink: sink) }
        let interruption = SignalCancellation { task.cancel() }
        interruption.start()
        defer { interruption.stop() }
        try await context.reportingErrors { _ = try await task.value }
        if interruption.receivedSignal != nil { throw CommandFailure(exitCode: .interrupted) }
    }
}
