import Configuration

/// What decides which AWS account, region and endpoint a command talks to.
///
/// Precedence: command-line flags, then the environment's settings in ferry.toml /
/// samconfig.toml, then the process environment and the shared AWS config files.
package struct AWSSessionOptions: Sendable {
    package var profile: String?
    package var region: String?
    package var endpointURL: String?
    /// The process environment (`AWS_*` variables, `HOME`).
    package var processEnvironment: [String: String]
    /// The settings taken from the project configuration rather than flags, with where they
    /// came from (`region` → `ferry.toml [env.dev]`), so messages name the right source.
    package var configuredBy: [String: String] = [:]
    /// Receives request traces (`--debug`), secrets redacted.
    package var trace: (@Sendable (String) -> Void)?

    package init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil,
                processEnvironment: [String: String], trace: (@Sendable (String) -> Void)? = nil) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.processEnvironment = processEnvironment
        self.trace = trace
    }

    /// These options with the environment's settings filling what the flags left open.
    package func applying(_ environment: EnvironmentConfiguration?) -> AWSSessionOptions {
        guard let environment else { return self }
        var merged = self
        let origin = "configuration [env.\(environment.name)]"
        if profile == nil, let value = environment.profile { merged.profile = value; merged.configuredBy["profile"] = origin }
        if region == nil, let value = environment.region { merged.region = value; merged.configuredBy["region"] = origin }
        if endpointURL == nil, let value = environment.endpointURL {
            merged.endpointURL = value.absoluteString
            merged.configuredBy["endpoint"] = origin
        }
        return merged
    }
}
