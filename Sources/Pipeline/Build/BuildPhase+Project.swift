import AWSCore
import AWSServices
import Configuration
import Foundation
import Reporting

extension BuildPhase.Options {
    /// The options of `ferry build` for an environment of the project at `projectRoot`: its
    /// template, `[build]` commands and concurrency, and the values its templates are evaluated
    /// with (`region` when the environment names none). Only the configuration is read.
    /// - Throws: `ConfigurationError`.
    package static func environment(_ environmentName: String?, projectRoot: URL, configPath: URL?, region: String?,
                                   processEnvironment: [String: String], session: AWSSessionOptions? = nil,
                                   remoteCache: RemoteCacheSettings = .off,
                                   sink: (any EventSink)? = nil) throws -> BuildPhase.Options {
        let project = try ProjectConfiguration.load(directory: projectRoot, explicitPath: configPath)
        let environment = try project.environment(named: environmentName)
        var options = BuildPhase.Options(
            projectRoot: project.directory, templateFile: environment.templateFile, commands: environment.build.commands,
            concurrency: environment.build.concurrency, environment: processEnvironment)
        options.values = TemplateValues(environment: environment, region: region)
        options.imageBases = environment.build.images.bases
        if let session, let made = try? AWSSession.make(session.applying(environment)) {
            options.registryAccess = BaseRegistryAccess(ecr: ECR(client: made.client))
        }
        if remoteCache.reads, let session, let sink {
            // `ferry build` leaves zips on disk: hits are downloaded (and their SHA-256 checked).
            options.remoteCache = BucketBuildLookup(environment: environment, session: session,
                                                    needsBytes: true, signingKey: remoteCache.signingKey, sink: sink)
        }
        return options
    }
}
