import Foundation

/// A project's configuration: the environments defined in ferry.toml, or in samconfig.toml when
/// there is no ferry.toml.
///
/// ```swift
/// let project = try ProjectConfiguration.load(directory: projectRoot)
/// let env = try project.environment(named: nil)      // the only env, else "dev"
/// let location = try env.resolvedArtifacts(region: env.region ?? "us-east-1", account: accountID)
/// ```
package struct ProjectConfiguration: Sendable {
    /// Which kind of file the configuration came from.
    package enum Format: Sendable, Equatable {
        /// Ferry's own `ferry.toml`.
        case ferryToml
        /// SAM CLI's `samconfig.toml` (or `samconfig.yaml`/`.yml`, the same tables in YAML).
        case samconfigToml
    }

    /// The file Ferry looks for at the project root.
    package static let fileName = "ferry.toml"
    /// SAM CLI's file, read when there is no ferry.toml.
    package static let samconfigFileName = "samconfig.toml"

    /// The configuration file that was read.
    package let file: URL
    /// Its format.
    package let format: Format
    /// The directory that relative paths (the template) are resolved against: the file's folder.
    package let directory: URL
    /// Environment names in the order they are written.
    package let environmentNames: [String]
    /// Things Ferry ignores or reads with a caveat (unused samconfig keys, a shadowed samconfig).
    package let warnings: [ConfigurationWarning]
    private let environments: [String: Result<EnvironmentConfiguration, ConfigurationError>]

    /// Finds and reads the project's configuration.
    ///
    /// - Parameters:
    ///   - directory: the project root; `ferry.toml` is looked for there, then `samconfig.toml`.
    ///   - explicitPath: a `--config` path (a ferry.toml or a samconfig.toml, by name or content).
    ///     A bare relative URL (`URL(string: "cfg/ferry.toml")`, no base) is resolved against
    ///     `directory`; a file URL (`URL(fileURLWithPath:)`) is used as it is (relative to the
    ///     current directory).
    /// - Throws: `ConfigurationError`: `.notFound`,
    ///   `.syntax`, or the first validation error of a ferry.toml (others in `additionalErrors`).
    package static func load(directory: URL, explicitPath: URL? = nil) throws -> ProjectConfiguration {
        let fileManager = FileManager.default
        if let explicitPath {
            let isBareRelative = explicitPath.baseURL == nil && !explicitPath.path.hasPrefix("/")
            let url = isBareRelative
                ? URL(fileURLWithPath: explicitPath.path, relativeTo: directory) : explicitPath.absoluteURL
            let file = URL(fileURLWithPath: url.path).standardizedFileURL
            guard fileManager.fileExists(atPath: file.path) else {
                throw ConfigurationError.io(file: file.path, operation: "read \(file.path)", reason: "the file does not exist")
            }
            if ConfigDocument.isYAML(file) {
                return try make(document: ConfigDocument(yamlContentsOf: file), file: file, format: .samconfigToml)
            }
            let document = try ConfigDocument(contentsOf: file)
            return try make(document: document, file: file, format: detectFormat(of: document, file: file))
        }
        let root = directory.standardizedFileURL
        let ferry = root.appendingPathComponent(fileName)
        if fileManager.fileExists(atPath: ferry.path) {
            var project = try make(document: ConfigDocument(contentsOf: ferry), file: ferry, format: .ferryToml)
            if let samconfig = samconfigFile(in: root) {
                project = project.adding(ConfigurationWarning(
                    file: samconfig.path, key: nil, line: nil,
                    message: "ignored because ferry.toml exists; Ferry reads only ferry.toml."))
            }
            return project
        }
        if let found = samconfigFile(in: root) {
            return try make(document: samconfigDocument(found), file: found, format: .samconfigToml)
        }
        throw ConfigurationError.notFound(directory: root.path, unsupportedNeighbour: nil)
    }

    /// SAM CLI's file names, in the order SAM looks for them.
    package static let samconfigFileNames = ["samconfig.toml", "samconfig.yaml", "samconfig.yml"]

    /// The first of `samconfigFileNames` that exists in `directory`.
    package static func samconfigFile(in directory: URL) -> URL? {
        samconfigFileNames.map { directory.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Parses a samconfig file, TOML or YAML by its extension.
    static func samconfigDocument(_ file: URL) throws -> ConfigDocument {
        ConfigDocument.isYAML(file) ? try ConfigDocument(yamlContentsOf: file) : try ConfigDocument(contentsOf: file)
    }

    /// Reads configuration from text, as if it were the file at `file` (relative paths resolve
    /// against its folder). The format is detected from the name and content when nil.
    package static func parse(text: String, file: URL, format: Format? = nil) throws -> ProjectConfiguration {
        if ConfigDocument.isYAML(file) {
            return try make(document: ConfigDocument(yamlText: text, file: file.path), file: file, format: .samconfigToml)
        }
        let document = try ConfigDocument(text: text, file: file.path)
        return try make(document: document, file: file, format: format ?? detectFormat(of: document, file: file))
    }

    /// The environment used when none is named: the only one, else `dev`; for samconfig.toml,
    /// `default` first (as SAM CLI does).
    package func defaultEnvironmentName() throws -> String {
        if format == .samconfigToml, environmentNames.contains("default") { return "default" }
        if environmentNames.count == 1 { return environmentNames[0] }
        if environmentNames.contains("dev") { return "dev" }
        throw ConfigurationError.unknownEnvironment(file: file.path, requested: nil, available: environmentNames)
    }

    /// The resolved environment `name` (`--env` / `--config-env`), or the default one when nil.
    ///
    /// - Throws: `ConfigurationError` `.unknownEnvironment` listing the defined ones, or (for
    ///   samconfig.toml) the problems found in that environment, such as a missing `stack_name`.
    package func environment(named name: String? = nil) throws -> EnvironmentConfiguration {
        let chosen = try name ?? defaultEnvironmentName()
        guard let result = environments[chosen] else {
            throw ConfigurationError.unknownEnvironment(file: file.path, requested: chosen, available: environmentNames)
        }
        return try result.get()
    }

    private static func detectFormat(of document: ConfigDocument, file: URL) -> Format {
        if file.lastPathComponent.lowercased().hasPrefix("samconfig") { return .samconfigToml }
        let ferryKeys = Set(FerryTomlSchema.topLevelKeys)
        let looksLikeSam = document.root["version"] != nil && ferryKeys.isDisjoint(with: document.root.keys)
        return looksLikeSam ? .samconfigToml : .ferryToml
    }

    private static func make(document: ConfigDocument, file: URL, format: Format) throws -> ProjectConfiguration {
        let directory = file.deletingLastPathComponent()
        switch format {
        case .ferryToml:
            let result = try FerryTomlReader(document: document, directory: directory).read()
            return ProjectConfiguration(
                file: file, format: format, directory: directory,
                environmentNames: result.environments.map(\.name), warnings: [],
                environments: Dictionary(uniqueKeysWithValues: result.environments.map { ($0.name, .success($0)) }))
        case .samconfigToml:
            let result = try SamConfigReader(document: document, directory: directory).read()
            return ProjectConfiguration(
                file: file, format: format, directory: directory, environmentNames: result.environmentNames,
                warnings: result.warnings, environments: result.environments)
        }
    }

    private init(
        file: URL, format: Format, directory: URL, environmentNames: [String], warnings: [ConfigurationWarning],
        environments: [String: Result<EnvironmentConfiguration, ConfigurationError>]
    ) {
        self.file = file
        self.format = format
        self.directory = directory
        self.environmentNames = environmentNames
        self.warnings = warnings
        self.environments = environments
    }

    private func adding(_ warning: ConfigurationWarning) -> ProjectConfiguration {
        ProjectConfiguration(
            file: file, format: format, directory: directory, environmentNames: environmentNames,
            warnings: warnings + [warning], environments: environments)
    }
}
