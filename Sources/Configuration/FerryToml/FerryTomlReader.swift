import Foundation

/// Validates a parsed ferry.toml and resolves its environments.
struct FerryTomlReader {
    /// The result of reading a ferry.toml.
    struct Result {
        var environments: [EnvironmentConfiguration]
        var build: BuildSettings
    }

    let document: ConfigDocument
    let directory: URL

    /// Reads every environment; throws the first problem (by line) with the others attached.
    func read() throws -> Result {
        var v = TableValidator(document: document)
        let root = document.root
        let top = KeyPath()
        v.rejectUnknownKeys(
            in: root, at: top, allowed: FerryTomlSchema.topLevelKeys, elsewhere: FerryTomlSchema.topLevelElsewhere)

        let templateFile = resolveTemplate(v.string("template", in: root, at: top))
        let shared = readArtifacts(v.table("artifacts", in: root, at: top) ?? [:], at: KeyPath(["artifacts"]), &v)
        var build = readBuild(v.table("build", in: root, at: top) ?? [:], &v)
        build.cacheWrite = readCacheWrite(v.table("cache", in: root, at: top) ?? [:], &v)
        build.images = readImages(v.table("images", in: root, at: top) ?? [:], &v)

        var environments: [EnvironmentConfiguration] = []
        let envPath = KeyPath(["env"])
        let envTable = v.table("env", in: root, at: top)
        if envTable == nil, root["env"] == nil {
            v.report(.missingValue(
                file: document.file, key: "env", line: nil,
                explanation: "Add at least one environment, e.g. [env.dev] with stack_name = \"my-app-dev\"."))
        }
        for name in document.orderedKeys(of: envTable ?? [:], at: envPath) {
            guard let table = v.table(name, in: envTable!, at: envPath) else { continue }
            let env = readEnvironment(
                name: name, table: table, shared: shared, build: build, templateFile: templateFile, &v)
            if let env { environments.append(env) }
        }
        try Self.throwIfNeeded(v.errors)
        return Result(environments: environments, build: build)
    }

    /// Throws the earliest error (by line) with the others attached.
    static func throwIfNeeded(_ errors: [ConfigurationError]) throws {
        if let error = combined(errors) { throw error }
    }

    /// The earliest error (by line) with the others attached, or nil when there are none.
    static func combined(_ errors: [ConfigurationError]) -> ConfigurationError? {
        guard !errors.isEmpty else { return nil }
        let sorted = errors.enumerated().sorted { a, b in
            let la = a.element.line ?? Int.max, lb = b.element.line ?? Int.max
            return la == lb ? a.offset < b.offset : la < lb
        }.map(\.element)
        var first = sorted[0]
        first.additionalErrors = Array(sorted.dropFirst())
        return first
    }

    private func resolveTemplate(_ written: String?) -> URL {
        if let written { return URL(fileURLWithPath: written, relativeTo: directory).standardizedFileURL }
        for name in FerryTomlSchema.defaultTemplates {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return directory.appendingPathComponent(FerryTomlSchema.defaultTemplates[0])
    }

    private func readArtifacts(
        _ table: [String: TOMLNode], at path: KeyPath, base: ArtifactSettings? = nil, _ v: inout TableValidator
    ) -> ArtifactSettings {
        v.rejectUnknownKeys(in: table, at: path, allowed: FerryTomlSchema.artifactKeys)
        var settings = base ?? ArtifactSettings(bucket: nil, prefix: PlaceholderTemplate(literal: ""), kmsKeyID: nil)
        if let bucket = v.placeholderTemplate("bucket", in: table, at: path) { settings.bucket = bucket }
        if let prefix = v.placeholderTemplate("prefix", in: table, at: path) { settings.prefix = prefix }
        if let key = v.string("kms_key_id", in: table, at: path) { settings.kmsKeyID = key }
        if let managed = v.bool("resolve_s3", in: table, at: path) {
            settings.resolveBucket = managed
            // `resolve_s3 = true` without a bucket in the same table: the managed bucket, not an inherited one.
            if managed, table["bucket"] == nil { settings.bucket = nil }
        }
        if let days = positiveInteger("noncurrent_version_days", in: table, at: path,
                                      explanation: "It must be 1 or more (days before noncurrent versions are deleted).", &v) {
            settings.noncurrentVersionDays = days
        }
        return settings
    }

    private func readBuild(_ table: [String: TOMLNode], _ v: inout TableValidator) -> BuildSettings {
        let path = KeyPath(["build"])
        v.rejectUnknownKeys(in: table, at: path, allowed: FerryTomlSchema.buildKeys)
        var settings = BuildSettings()
        if let concurrency = positiveInteger("concurrency", in: table, at: path, explanation: "It must be 1 or more.", &v) {
            settings.concurrency = concurrency
        }
        for pair in v.keyValues("commands", in: table, at: path, allowArrays: false) {
            settings.commands[pair.key] = pair.value
        }
        return settings
    }

    private func readEnvironment(
        name: String, table: [String: TOMLNode], shared: ArtifactSettings, build: BuildSettings,
        templateFile: URL, _ v: inout TableValidator
    ) -> EnvironmentConfiguration? {
        let path = KeyPath(["env", name])
        v.rejectUnknownKeys(
            in: table, at: path, allowed: FerryTomlSchema.environmentKeys,
            elsewhere: FerryTomlSchema.environmentElsewhere.mapValues { "env.\(TOMLText.key(name)).\($0)" })
        let stackName = v.string("stack_name", in: table, at: path)
        if table["stack_name"] == nil {
            v.report(.missingValue(
                file: document.file, key: path.appending("stack_name").description, line: v.line(path),
                explanation: "Every environment needs the CloudFormation stack name, e.g. stack_name = \"my-app-\(name)\"."))
        } else if let stackName, !Self.isValidStackName(stackName) {
            report(badValue: stackName, key: "stack_name", at: path, &v,
                   explanation: "A stack name starts with a letter and has only letters, digits and hyphens (at most 128).")
        }
        let region = v.string("region", in: table, at: path)
        if let region, !Self.isPlausibleRegion(region) {
            report(badValue: region, key: "region", at: path, &v, explanation: "It is not an AWS region name such as eu-central-1.")
        }
        let profile = v.string("profile", in: table, at: path)
        var endpoint: URL?
        if let text = v.string("endpoint_url", in: table, at: path) {
            endpoint = URL(string: text)
            if endpoint?.host == nil || !["http", "https"].contains(endpoint?.scheme?.lowercased() ?? "") {
                endpoint = nil
                report(badValue: text, key: "endpoint_url", at: path, &v,
                       explanation: "It must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:5000.")
            }
        }
        let capabilities = v.stringArray("capabilities", in: table, at: path) ?? []
        for capability in capabilities where !FerryTomlSchema.capabilities.contains(capability) {
            let keyPath = path.appending("capabilities")
            v.report(.badValue(
                file: document.file, key: keyPath.description, line: v.line(keyPath), value: capability,
                allowed: FerryTomlSchema.capabilities))
        }
        let policy = EnvironmentPolicy(
            hotswap: v.bool("hotswap", in: table, at: path) ?? EnvironmentPolicy.defaultHotswap(environment: name),
            approval: v.choice("approval", in: table, at: path, as: ApprovalPolicy.self) ?? .tty,
            terminationProtection: v.bool("termination_protection", in: table, at: path) ?? false)
        let artifacts = readArtifacts(
            v.table("artifacts", in: table, at: path) ?? [:], at: path.appending("artifacts"), base: shared, &v)
        let parameters = v.keyValues("parameters", in: table, at: path, allowArrays: true)
        for pair in parameters where !pair.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            let keyPath = path.appending("parameters").appending(pair.key)
            v.report(.badValue(
                file: document.file, key: keyPath.description, line: v.line(keyPath), value: pair.key, allowed: [],
                explanation: "CloudFormation parameter names have only letters and digits."))
        }
        let tags = v.keyValues("tags", in: table, at: path, allowArrays: false)
        let operate = readOperate(table, at: path, &v)
        let traffic = readTraffic(table, at: path, &v)
        guard let stackName else { return nil }
        var environment = EnvironmentConfiguration(
            name: name, stackName: stackName, region: region, profile: profile, endpointURL: endpoint,
            templateFile: templateFile, parameters: parameters, tags: tags, capabilities: capabilities,
            policy: policy, artifacts: artifacts, build: build)
        environment.operate = operate
        environment.traffic = traffic
        return environment
    }

    private func report(badValue value: String, key: String, at path: KeyPath, _ v: inout TableValidator, explanation: String) {
        let keyPath = path.appending(key)
        v.report(.badValue(
            file: document.file, key: keyPath.description, line: v.line(keyPath), value: value, allowed: [],
            explanation: explanation))
    }

    /// CloudFormation's stack-name rule.
    static func isValidStackName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 128,
              CharacterSet.letters.contains(first), first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
    }

    /// Region names look like `eu-central-1` or `us-gov-west-1`.
    static func isPlausibleRegion(_ region: String) -> Bool {
        let parts = region.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }
}
