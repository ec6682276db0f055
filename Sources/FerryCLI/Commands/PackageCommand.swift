import AWSCore
import AWSServices
import ArgumentParser
import Configuration
import Foundation
import Packaging
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
            let project = try ProjectConfiguration.load(directory: context.workingDirectory, explicitPath: context.configURL)
            let configured = try project.environment(named: global.environment)
            let session = try AWSSession.make(context.sessionOptions.applying(configured))
            let environment = await ManagedArtifactBucket.adopting(configured, session: session)
            let region = session.settings.region
            let account = try await session.sts.getCallerIdentity().account
            let location = try environment.resolvedArtifacts(region: region, account: account)
            guard let bucket = location.bucket else { throw PackagingError.bucketNotConfigured }
            let endpoint = try? session.settings.endpoint(for: .s3).url
            let store = ArtifactStore(bucket: bucket, prefix: location.prefix, region: region,
                                      customEndpoint: endpoint.flatMap { ArtifactStore.isCustom($0) ? $0 : nil })
            var options = PackagePhase.Options(
                projectRoot: project.directory, templateFile: environment.templateFile, store: store,
                kmsKeyID: location.kmsKeyID, createBucket: createBucket || environment.artifacts.isManaged,
                concurrency: concurrency)
            options.noncurrentVersionDays = environment.artifacts.noncurrentVersionDays
            options.interruption = interruption
            options.values = TemplateValues(environment: environment, region: region)
            options.remoteCache = RemoteCacheSettings.resolve(configuredWrite: environment.build.cacheWrite,
                                                              noCacheWrite: noCacheWrite, environment: context.environment)
            _ = try await PackagePhase(options: options).run(s3: session.s3, sink: context.sink)
        }
    }
}
