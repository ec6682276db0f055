import ArgumentParser
import Foundation
import Pipeline
import Reporting

/// `ferry package`: uploads the built artifacts and nested templates under their SHA-256 and
/// writes the packaged templates under `.ferry/package/`.
struct PackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Upload built artifacts and nested templates (content-addressed) and write the packaged template.",
        discussion: """
            Run `ferry build` first. Objects are named <prefix>/<sha256>.<ext>; only missing ones are uploaded. \
            The packaged root template is written to .ferry/package/packaged.yaml.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Create the artifact bucket (versioned, encrypted, public access blocked, TLS only) when it is missing.")
    var createBucket = false

    @Option(help: "The most uploads at once.")
    var concurrency = 8

    @Flag(name: .customLong("no-cache-write"),
          help: "Do not write remote build cache entries (also [cache] write = false, FERRY_CACHE_WRITE=0); for untrusted CI.")
    var noCacheWrite = false

    func run() async throws {
        let context = CommandContext(options: global, live: true)
        // Ctrl-C aborts the multipart uploads in progress, then exits 130.
        let interruption = DeployInterruption()
        let watcher = InterruptWatcher(interruption: interruption, json: global.json)
        watcher.start()
        defer { watcher.stop() }
        try await context.reportingErrors {
            var request = PackagePhase.Request(
                projectRoot: context.workingDirectory, configPath: context.configURL, environmentName: global.environment,
                session: context.sessionOptions)
            request.createBucket = createBucket
            request.concurrency = concurrency
            request.interruption = interruption
            request.noCacheWrite = noCacheWrite
            request.processEnvironment = context.environment
            _ = try await PackagePhase.run(request, sink: context.sink)
        }
    }
}
