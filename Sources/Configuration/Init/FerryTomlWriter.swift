import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Produces the commented `ferry.toml` that `ferry init` writes, seeded from samconfig.toml when
/// the project has one, and writes it without ever replacing an existing file unless forced.
package struct FerryTomlWriter: Sendable {
    /// The project root, where ferry.toml goes.
    package let projectDirectory: URL
    /// The template path to write, relative to the project (detected when nil).
    package var templatePath: String?
    /// The stack name for the primary environment (seeded or derived from the folder name when nil).
    package var stackName: String?
    /// The region for the primary environment (seeded, else left to the AWS config, when nil).
    package var region: String?
    /// The name of the primary environment (default `dev`).
    package var environmentName: String
    /// The samconfig.toml the values were seeded from, if any.
    package let seededFrom: URL?
    /// What could not be carried over from samconfig.toml (shown to the user by `ferry init`).
    package let notes: [String]
    private let seeds: [EnvironmentConfiguration]

    /// Prepares a writer for `projectDirectory`, reading its samconfig.toml if there is one.
    ///
    /// - Throws: `ConfigurationError` when samconfig.toml exists but is not valid TOML or has an
    ///   unsupported version.
    package init(
        projectDirectory: URL, templatePath: String? = nil, stackName: String? = nil, region: String? = nil,
        environmentName: String = "dev"
    ) throws {
        self.projectDirectory = projectDirectory.standardizedFileURL
        self.templatePath = templatePath
        self.stackName = stackName
        self.region = region
        self.environmentName = environmentName
        guard let samconfig = ProjectConfiguration.samconfigFile(in: self.projectDirectory) else {
            seededFrom = nil
            notes = []
            seeds = []
            return
        }
        let project = try ProjectConfiguration.load(
            directory: self.projectDirectory, explicitPath: samconfig)
        var seeds: [EnvironmentConfiguration] = []
        var notes = project.warnings.map(\.description)
        for name in project.environmentNames {
            do {
                var env = try project.environment(named: name)
                if name == "default", !project.environmentNames.contains(environmentName) {
                    env.name = environmentName
                }
                seeds.append(env)
            } catch {
                notes.append("samconfig.toml environment '\(name)' was not carried over: \(error)")
            }
        }
        self.seededFrom = seeds.isEmpty ? nil : samconfig
        self.notes = notes
        self.seeds = seeds
    }

    /// The text of ferry.toml, every key explained in a comment.
    package func render() -> String {
        var out = FerryTomlText()
        out.comment("ferry.toml: how Ferry builds, packages and deploys this app. Reference: docs/configuration.md")
        if let seededFrom { out.comment("Values were carried over from \(seededFrom.lastPathComponent).") }
        out.blank()
        out.comment("The app's main SAM/CloudFormation template, relative to this file.")
        out.line("template = \(TOMLText.string(resolvedTemplatePath))")
        out.blank()

        let primary = primaryEnvironment
        out.line("[artifacts]")
        out.comment("S3 bucket for built artifacts and packaged templates (created if missing).")
        out.comment("Placeholders: {region}, {account} (from STS) and {env} (the environment name).")
        if let bucket = primary.artifacts.bucket {
            out.line("bucket = \(TOMLText.string(bucket.rawValue))")
        } else if primary.artifacts.isManaged {
            out.comment("resolve_s3 (from samconfig): SAM's managed bucket (stack aws-sam-cli-managed-default) when it")
            out.comment("exists, else ferry-artifacts-{account}-{region}, created on first use.")
            out.line("resolve_s3 = true")
            out.line("# bucket = \(TOMLText.string(defaultBucket))")
        } else {
            out.line("bucket = \(TOMLText.string(defaultBucket))")
        }
        out.comment("Key prefix inside the bucket; artifacts are stored under it by content hash.")
        out.line("prefix = \(TOMLText.string(primary.artifacts.prefix.rawValue.isEmpty ? "\(projectSlug)/{env}" : primary.artifacts.prefix.rawValue))")
        out.comment("KMS key for server-side encryption; SSE-S3 (AES256) when omitted.")
        out.optional("kms_key_id", primary.artifacts.kmsKeyID.map(TOMLText.string), example: "\"alias/my-key\"")
        out.blank()

        out.line("[build]")
        out.comment("How many functions and layers to build at once (default: one per CPU core).")
        out.line("# concurrency = 4")
        out.blank()
        out.comment("A custom build command per logical ID, replacing Ferry's builder for that resource:")
        out.comment("[build.commands]")
        out.comment("MyFunction = \"make build-MyFunction\"")

        for env in environments {
            out.blank()
            render(env, isPrimary: env.name == primary.name, shared: primary.artifacts, into: &out)
        }
        return out.text
    }

    /// Renders and writes ferry.toml atomically (a temporary file, then a rename).
    ///
    /// - Parameters:
    ///   - file: where to write; `<projectDirectory>/ferry.toml` when nil.
    ///   - force: replace an existing file. Without it an existing file is never touched.
    /// - Returns: the file written.
    /// - Throws: `ConfigurationError` `.fileExists` (fix: `--force`) or `.io`.
    @discardableResult
    package func write(to file: URL? = nil, force: Bool = false) throws -> URL {
        let target = (file ?? projectDirectory.appendingPathComponent(ProjectConfiguration.fileName)).standardizedFileURL
        if !force, FileManager.default.fileExists(atPath: target.path) {
            throw ConfigurationError.fileExists(file: target.path)
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(render().utf8).write(to: temporary)
        } catch {
            throw ConfigurationError.io(file: target.path, operation: "write \(temporary.path)", reason: error.localizedDescription)
        }
        defer { unlink(temporary.path) }
        // link() fails if the target exists, so a file created meanwhile is never replaced.
        let status = force ? rename(temporary.path, target.path) : link(temporary.path, target.path)
        guard status == 0 else {
            let code = errno
            if code == EEXIST { throw ConfigurationError.fileExists(file: target.path) }
            throw ConfigurationError.io(
                file: target.path, operation: "write \(target.path)", reason: String(cString: strerror(code)))
        }
        return target
    }

    // MARK: - Values

    private var projectSlug: String {
        let slug = projectDirectory.lastPathComponent.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        let text = String(slug).split(separator: "-").joined(separator: "-")
        return text.first?.isLetter == true ? text : "app\(text.isEmpty ? "" : "-\(text)")"
    }

    /// `<folder>-artifacts-{account}-{region}`, valid for S3 once expanded whatever the folder's name
    /// and region: the folder part is cut (with a stable hash) so that the name stays within 63
    /// characters with a 12-digit account and the longest region name (or the known region).
    var defaultBucket: String {
        let regionLength = max(primaryEnvironment.region?.count ?? 0, BucketName.longestRegionName)
        let room = 63 - "-artifacts-".count - 12 - 1 - regionLength
        return "\(BucketName.component(projectDirectory.lastPathComponent, maxLength: room))-artifacts-{account}-{region}"
    }

    private var resolvedTemplatePath: String {
        if let templatePath { return templatePath }
        if let seeded = seeds.first?.templateFile, seeded.path.hasPrefix(projectDirectory.path + "/") {
            return String(seeded.path.dropFirst(projectDirectory.path.count + 1))
        }
        return FerryTomlSchema.defaultTemplates.first {
            FileManager.default.fileExists(atPath: projectDirectory.appendingPathComponent($0).path)
        } ?? FerryTomlSchema.defaultTemplates[0]
    }

    /// The environments to write: the seeds, with the explicit arguments applied to the primary one.
    private var environments: [EnvironmentConfiguration] {
        var envs = seeds
        if envs.isEmpty {
            envs = [EnvironmentConfiguration(
                name: environmentName, stackName: "\(projectSlug)-\(environmentName)", region: nil, profile: nil,
                endpointURL: nil, templateFile: projectDirectory, parameters: [], tags: [],
                capabilities: ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
                policy: EnvironmentPolicy(
                    hotswap: EnvironmentPolicy.defaultHotswap(environment: environmentName), approval: .tty,
                    terminationProtection: false),
                artifacts: ArtifactSettings(bucket: nil, prefix: PlaceholderTemplate(literal: ""), kmsKeyID: nil),
                build: BuildSettings())]
        }
        let primaryIndex = envs.firstIndex { $0.name == environmentName } ?? 0
        if let stackName { envs[primaryIndex].stackName = stackName }
        if let region { envs[primaryIndex].region = region }
        return envs
    }

    private var primaryEnvironment: EnvironmentConfiguration {
        let envs = environments
        return envs.first { $0.name == environmentName } ?? envs[0]
    }
}
