import Foundation

/// A project's configuration: the environments defined in ferry.toml, or in samconfig.toml when
/// there is no ferry.toml.
///
/// ```swift
/// let project = try ProjectConfiguration.load(directory: projectRoot)
/// let env = try project.environment(named: nil)      // the only env, else "dev"
/// let location = try env.resolvedArtifacts(region: env.region ?? "us-east-1", account: accountID)
/// ```
public struct ProjectConfiguration: Sendable {
    /// Which kind of file the configuration came from.
    public enum Format: Sendable, Equatable {
        /// Ferry's own `ferry.toml`.
        case ferryToml
        /// SAM CLI's `samconfig.toml`.
        case samconfigToml
    }

    /// The file Ferry looks for at the project root.
    public static let fileName = "ferry.toml"
    /// SAM CLI's file, read when there is no ferry.toml.
    public static let samconfigFileName = "samconfig.toml"

    /// The configuration file that was read.
    public let file: URL
    /// Its format.
    public let format: Format
    /// The directory that relative paths (the template) are resolved against: the file's folder.
    public let directory: URL
    /// Environment names in the order they are written.
    public let environmentNames: [String]
    /// Things Ferry ignores or reads with a caveat (unused samconfig keys, a shadowed samconfig).
    public let warnings: [ConfigurationWarning]
    private let environments: [String: Result<EnvironmentConfiguration, ConfigurationError>]

    /// Finds and reads the project's configuration.
    ///
    /// - Parameters:
    ///   - directory: the project root; `ferry.toml` is looked for there, then `samconfig.toml`.
    ///   - explicitPath: a `--config` path (a ferry.toml or a samconfig.toml, by name or content).
    ///     A bare relative URL (`URL(string: "cfg/ferry.toml")`, no base) is resolved against
    ///     `directory`; a file URL (`URL(fileURLWithPath:)`) is used as it is (relative to the
    ///     current directory).
    /// - Throws: `ConfigurationError`: `.notFound`, `.unsupportedFormat` (samconfig.yaml/.yml),
    ///   `.syntax`, or the first validation error of a ferry.toml (others in `additionalErrors`).
    public static func load(directory: URL, explicitPath: URL? = nil) throws -> ProjectConfiguration {
        let fileManager = FileManager.default
        if let explicitPath {
            let isBareRelative = explicitPath.baseURL == nil && !explicitPath.path.hasPrefix("/")
            let url = isBareRelative
                ? URL(fileURLWithPath: explicitPath.path, relativeTo: directory) : explicitPath.absoluteURL
            let file = URL(fileURLWithPath: url.path).standardizedFileURL
            if ["yaml", "yml"].contains(file.pathExtension.lowercased()) {
                throw ConfigurationError.unsupportedFormat(file: file.path)
            }
            guard fileManager.fileExists(atPath: file.path) else {
                throw ConfigurationError.io(file: file.path, operation: "read \(file.path)", reason: "the file does not exist")
            }
            let document = try ConfigDocument(contentsOf: file)
            return try make(document: document, file: file, format: detectFormat(of: document, file: file))
        }
        let root = directory.standardizedFileURL
        let ferry = root.appendingPathComponent(fileName)
        let samconfig = root.appendingPathComponent(samconfigFileName)
        if fileManager.fileExists(atPath: ferry.path) {
            var project = try make(document: ConfigDocument(contentsOf: ferry), file: ferry, format: .ferryToml)
            if fileManager.fileExists(atPath: samconfig.path) {
                project = project.adding(ConfigurationWarning(
                    file: samconfig.path, key: nil, line: nil,
                    message: "ignored because ferry.toml exists; Ferry reads only ferry.toml."))
            }
            return project
        }
        if fileManager.fileExists(atPath: samconfig.path) {
            return try make(document: ConfigDocument(contentsOf: samconfig), file: samconfig, format: .samconfigToml)
        }
        let neighbour = ["samconfig.yaml", "samconfig.yml"].first {
            fileManager.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        throw ConfigurationError.notFound(directory: root.path, unsupportedNeighbour: neighbour)
    }

    /// Reads configuration from text, as if it were the file at `file` (relative paths resolve
    /// against its folder). The format is detected from the name and content when nil.
    public static func parse(text: String, file: URL, format: Format? = nil) throws -> ProjectConfiguration {
        let document = try ConfigDocument(text: text, file: file.path)
        return try make(document: document, file: file, format: format ?? detectFormat(of: document, file: file))
    }

    /// The environment used when none is named: the only one, else `dev`; for samconfig.toml,
    /// `default` first (as SAM CLI does).
    public func defaultEnvironmentName() throws -> String {
        if format == .samconfigToml, environmentNames.contains("default") { return "default" }
        if environmentNames.count == 1 { return environmentNames[0] }
        if environmentNames.contains("dev") { return "dev" }
        throw ConfigurationError.unknownEnvironment(file: file.path, requested: nil, available: environmentNames)
    }

    /// The resolved environment `name` (`--env` / `--config-env`), or the default one when nil.
    ///
    /// - Throws: `ConfigurationError` `.unknownEnvironment` listing the defined ones, or (for
    ///   samconfig.toml) the problems found in that environment, such as a missing `stack_name`.
    public func environment(named name: String? = nil) throws -> EnvironmentConfiguration {
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
