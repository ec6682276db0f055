import Configuration
import Foundation

extension BuildPhase.Options {
    /// The options of `ferry build` for an environment of the project at `projectRoot`: its
    /// template, `[build]` commands and concurrency, and the values its templates are evaluated
    /// with (`region` when the environment names none). Only the configuration is read.
    /// - Throws: `ConfigurationError`.
    public static func environment(_ environmentName: String?, projectRoot: URL, configPath: URL?, region: String?,
                                   processEnvironment: [String: String]) throws -> BuildPhase.Options {
        let project = try ProjectConfiguration.load(directory: projectRoot, explicitPath: configPath)
        let environment = try project.environment(named: environmentName)
        var options = BuildPhase.Options(
            projectRoot: project.directory, templateFile: environment.templateFile, commands: environment.build.commands,
            concurrency: environment.build.concurrency, environment: processEnvironment)
        options.values = TemplateValues(environment: environment, region: region)
        return options
    }
}
