import Foundation

/// Reads samconfig.toml the way SAM CLI does and maps each config-env onto an
/// `EnvironmentConfiguration`.
///
/// Tables are `[<env>.<command>.parameters]`; `[<env>.global.parameters]` applies under every
/// command. Ferry reads the `deploy` table first, then `global`, then `sync`, `package` and
/// `build` for keys they hold (`cached`/`parallel`/`template` come from `build` first).
/// Keys Ferry does not use are warnings, never errors. Problems inside one environment are
/// reported when that environment is asked for.
struct SamConfigReader {
    /// The result of reading a samconfig.toml.
    struct Result {
        var environmentNames: [String]
        var environments: [String: Swift.Result<EnvironmentConfiguration, ConfigurationError>]
        var warnings: [ConfigurationWarning]
    }

    /// Keys Ferry reads; any other key in a command table Ferry reads is a warning.
    static let knownKeys = [
        "stack_name", "s3_bucket", "s3_prefix", "resolve_s3", "kms_key_id", "region", "profile", "capabilities",
        "parameter_overrides", "tags", "confirm_changeset", "cached", "parallel", "template_file", "template",
        "image_repository", "image_repositories",
    ]
    /// Keys SAM CLI writes (`sam deploy --guided` and friends) that Ferry does not honour, each with
    /// the reason reported as a warning (docs/configuration.md lists every key).
    static let ignoredKeys: [String: String] = [
        "resolve_image_repos": "'resolve_image_repos' is ignored: set image_repository (or [images] repository in "
            + "ferry.toml); Ferry creates a missing repository when it pushes.",
        "signing_profiles": "'signing_profiles' is ignored: Ferry does not sign code with AWS Signer; a function whose "
            + "CodeSigningConfig enforces signatures will be rejected by Lambda.",
        "disable_rollback": "'disable_rollback' is ignored: Ferry lets CloudFormation roll a failed deploy back and "
            + "reports the root cause first.",
        "fail_on_empty_changeset": "'fail_on_empty_changeset' is ignored: Ferry treats \"no changes\" as success "
            + "(exit 0); use 'ferry plan --exit-code' to detect changes.",
        "use_container": "'use_container' is ignored: Ferry builds on this machine, for the function's runtime and "
            + "architecture (pip installs Lambda's manylinux wheels).",
        "no_execute_changeset": "'no_execute_changeset' is ignored: use 'ferry plan' to see changes without applying them.",
        "role_arn": "'role_arn' is ignored: Ferry deploys with the caller's credentials.",
        "notification_arns": "'notification_arns' is ignored: use notify = [...] webhooks in ferry.toml.",
    ]

    /// Keys whose value asks for what Ferry does anyway, so there is nothing to report:
    /// `disable_rollback = false` (roll back on failure), `fail_on_empty_changeset = false` (no
    /// changes is success).
    static func matchesFerry(_ key: String, _ value: TOMLNode?) -> Bool {
        ["disable_rollback", "fail_on_empty_changeset"].contains(key) && value == .boolean(false)
    }

    /// Command tables Ferry reads, in the order a key is looked up.
    static let commands = ["deploy", "global", "sync", "package", "build"]

    let document: ConfigDocument
    let directory: URL

    func read() throws -> Result {
        var warnings: [ConfigurationWarning] = []
        let root = document.root
        try checkVersion(&warnings)
        var names: [String] = []
        var environments: [String: Swift.Result<EnvironmentConfiguration, ConfigurationError>] = [:]
        for name in document.orderedKeys(of: root, at: KeyPath()) where name != "version" {
            guard case .table(let envTable) = root[name]! else {
                warn(&warnings, KeyPath([name]), "'\(name)' is not a table of commands; SAM and Ferry ignore it.")
                continue
            }
            names.append(name)
            var v = TableValidator(document: document)
            let env = readEnvironment(name: name, table: envTable, &v, &warnings)
            if let error = FerryTomlReader.combined(v.errors) {
                environments[name] = .failure(error)
            } else if let env {
                environments[name] = .success(env)
            }
        }
        return Result(environmentNames: names, environments: environments, warnings: warnings)
    }

    private func checkVersion(_ warnings: inout [ConfigurationWarning]) throws {
        let path = KeyPath(["version"])
        switch document.root["version"] {
        case nil:
            let name = (document.file as NSString).lastPathComponent
            warn(&warnings, path, "\(name) has no 'version = 0.1'; reading it as version 0.1.")
        case .float(let version) where version == 0.1:
            break
        case let other?:
            let text: String
            switch other {
            case .float(let value): text = String(value)
            case .integer(let value): text = String(value)
            case .string(let value): text = value
            default: text = other.typeDescription
            }
            throw ConfigurationError.badValue(
                file: document.file, key: "version", line: document.line(path), value: text, allowed: ["0.1"],
                explanation: "SAM CLI supports only version = 0.1.")
        }
    }

    private func warn(_ warnings: inout [ConfigurationWarning], _ path: KeyPath, _ message: String) {
        warnings.append(ConfigurationWarning(
            file: document.file, key: path.description, line: document.line(path), message: message))
    }

    /// A value found in one of the command tables.
    private struct Found {
        var node: TOMLNode
        var path: KeyPath
        var table: [String: TOMLNode]
        var tablePath: KeyPath
        var key: String
    }

    private func readEnvironment(
        name: String, table: [String: TOMLNode], _ v: inout TableValidator, _ warnings: inout [ConfigurationWarning]
    ) -> EnvironmentConfiguration? {
        var parameters: [String: (table: [String: TOMLNode], path: KeyPath)] = [:]
        for command in document.orderedKeys(of: table, at: KeyPath([name])) where Self.commands.contains(command) {
            let commandPath = KeyPath([name, command])
            guard case .table(let commandTable) = table[command]! else { continue }
            for key in commandTable.keys where key != "parameters" {
                warn(&warnings, commandPath.appending(key), "'\(commandPath.appending(key))' is not under 'parameters'; SAM CLI and Ferry ignore it.")
            }
            guard let params = v.table("parameters", in: commandTable, at: commandPath) else { continue }
            let path = commandPath.appending("parameters")
            parameters[command] = (params, path)
            for key in document.orderedKeys(of: params, at: path)
            where !Self.knownKeys.contains(key) && !Self.matchesFerry(key, params[key]) {
                warn(&warnings, path.appending(key), Self.ignoredKeys[key] ?? "'\(key)' is not used by Ferry and is ignored.")
            }
        }
        func find(_ key: String, _ order: [String] = Self.commands) -> Found? {
            for command in order {
                if let entry = parameters[command], let node = entry.table[key] {
                    return Found(node: node, path: entry.path.appending(key), table: entry.table, tablePath: entry.path, key: key)
                }
            }
            return nil
        }
        func string(_ key: String, _ order: [String] = Self.commands) -> String? {
            find(key, order).flatMap { v.string($0.key, in: $0.table, at: $0.tablePath) }
        }
        func bool(_ key: String, _ order: [String] = Self.commands) -> Bool? {
            find(key, order).flatMap { v.bool($0.key, in: $0.table, at: $0.tablePath) }
        }

        let stackName = string("stack_name")
        if stackName == nil, find("stack_name") == nil {
            v.report(.missingValue(
                file: document.file, key: KeyPath([name, "deploy", "parameters", "stack_name"]).description,
                line: document.line(KeyPath([name, "deploy", "parameters"])),
                explanation: "Add stack_name to [\(TOMLText.key(name)).deploy.parameters], or create a ferry.toml with 'ferry init'."))
        }
        let region = string("region")
        let profile = string("profile")
        let capabilities = find("capabilities").flatMap { list($0, &v).map { $0.flatMap(Self.words) } } ?? []
        let parameterOverrides = find("parameter_overrides").flatMap { pairs($0, &v) } ?? []
        let tags = find("tags").flatMap { pairs($0, &v) } ?? []
        let artifactOrder = ["deploy", "global", "package", "sync"]
        var bucket: PlaceholderTemplate?
        if let found = find("s3_bucket", artifactOrder), let text = v.string(found.key, in: found.table, at: found.tablePath) {
            bucket = PlaceholderTemplate(literal: text)
        }
        let prefix = PlaceholderTemplate(literal: string("s3_prefix", artifactOrder) ?? "")
        let artifacts = ArtifactSettings(
            bucket: bucket, prefix: prefix, kmsKeyID: string("kms_key_id", artifactOrder),
            resolveBucket: bool("resolve_s3", artifactOrder) ?? false)
        let buildOrder = ["build", "global"]
        var build = BuildSettings(cached: bool("cached", buildOrder), parallel: bool("parallel", buildOrder))
        build.images.repository = string("image_repository", artifactOrder)
        for pair in find("image_repositories", artifactOrder).flatMap({ pairs($0, &v) }) ?? [] {
            build.images.repositories[pair.key] = pair.value
        }
        // confirm_changeset asks before a change set is applied when a person is at a terminal
        // (`--yes` answers it); it is not the "required" approval of a production environment.
        let approval: ApprovalPolicy = bool("confirm_changeset") == false ? .never : .tty
        let templateFile = resolveTemplate(find: find, &v, &warnings)
        guard let stackName else { return nil }
        return EnvironmentConfiguration(
            name: name, stackName: stackName, region: region, profile: profile, endpointURL: nil,
            templateFile: templateFile, parameters: parameterOverrides, tags: tags, capabilities: capabilities,
            policy: EnvironmentPolicy(
                hotswap: EnvironmentPolicy.defaultHotswap(environment: name), approval: approval,
                terminationProtection: false),
            artifacts: artifacts, build: build)
    }

    /// The source template: `template_file`/`template` from build, global, deploy... skipping
    /// SAM's build output (`.aws-sam/...`), which is not the source.
    private func resolveTemplate(
        find: (String, [String]) -> Found?, _ v: inout TableValidator, _ warnings: inout [ConfigurationWarning]
    ) -> URL {
        for command in ["build", "global", "deploy", "sync", "package"] {
            for key in ["template_file", "template"] {
                guard let found = find(key, [command]),
                      let text = v.string(found.key, in: found.table, at: found.tablePath) else { continue }
                if text.contains(".aws-sam/") {
                    warn(&warnings, found.path, "'\(text)' is SAM's build output; Ferry builds from the source template instead.")
                    continue
                }
                return URL(fileURLWithPath: text, relativeTo: directory).standardizedFileURL
            }
        }
        for name in FerryTomlSchema.defaultTemplates {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return directory.appendingPathComponent(FerryTomlSchema.defaultTemplates[0])
    }

    /// A string or an array of strings.
    private func list(_ found: Found, _ v: inout TableValidator) -> [String]? {
        switch found.node {
        case .string(let text): return [text]
        case .array: return v.stringArray(found.key, in: found.table, at: found.tablePath)
        default:
            v.report(.wrongType(
                file: document.file, key: found.path.description, line: document.line(found.path),
                expected: "a string or an array of strings", found: found.node.typeDescription))
            return nil
        }
    }

    /// `K=V` pairs from a string or an array of strings.
    private func pairs(_ found: Found, _ v: inout TableValidator) -> [KeyValue]? {
        guard let values = list(found, &v) else { return nil }
        do {
            if case .string = found.node { return try ParameterOverridesParser.parse(values[0]) }
            return try ParameterOverridesParser.parse(elements: values)
        } catch {
            v.report(.badValue(
                file: document.file, key: found.path.description, line: document.line(found.path),
                value: values.joined(separator: " "), allowed: [], explanation: "It cannot be split: \(error.description)."))
            return nil
        }
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
    }
}
