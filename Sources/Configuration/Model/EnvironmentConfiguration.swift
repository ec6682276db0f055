import Foundation

/// Everything Ferry needs to deploy one environment, resolved from ferry.toml or samconfig.toml.
package struct EnvironmentConfiguration: Sendable, Equatable {
    /// The environment's name (`dev`; for samconfig the config-env, usually `default`).
    package var name: String
    /// The CloudFormation stack name.
    package var stackName: String
    /// The region, or nil to take it from the AWS config / environment later.
    package var region: String?
    /// The AWS profile, or nil for the default credential chain.
    package var profile: String?
    /// A custom endpoint (an emulator such as moto), or nil for AWS.
    package var endpointURL: URL?
    /// The app's main template.
    package var templateFile: URL
    /// Stack parameters, in the order written.
    package var parameters: [KeyValue]
    /// Stack tags, in the order written.
    package var tags: [KeyValue]
    /// CloudFormation capabilities to acknowledge, e.g. `CAPABILITY_IAM`.
    package var capabilities: [String]
    /// Hot-swap, approval and termination-protection rules.
    package var policy: EnvironmentPolicy
    /// Artifact bucket, prefix and encryption, with placeholders.
    package var artifacts: ArtifactSettings
    /// Build settings.
    package var build: BuildSettings
    /// Gates (`before_deploy`), notification webhooks (`notify`).
    package var operate = OperateSettings()
    /// `[env.<name>.traffic]`: how aliases move to new versions (nil: at once, as CloudFormation does).
    package var traffic: TrafficSettings?

    /// Creates a configuration.
    package init(
        name: String, stackName: String, region: String?, profile: String?, endpointURL: URL?,
        templateFile: URL, parameters: [KeyValue], tags: [KeyValue], capabilities: [String],
        policy: EnvironmentPolicy, artifacts: ArtifactSettings, build: BuildSettings
    ) {
        self.name = name
        self.stackName = stackName
        self.region = region
        self.profile = profile
        self.endpointURL = endpointURL
        self.templateFile = templateFile
        self.parameters = parameters
        self.tags = tags
        self.capabilities = capabilities
        self.policy = policy
        self.artifacts = artifacts
        self.build = build
    }

    /// The artifact bucket and prefix with `{region}`, `{account}` and `{env}` replaced. With
    /// samconfig's `resolve_s3` and no bucket, the managed bucket (`ArtifactSettings.managedBucketName`).
    ///
    /// - Parameters:
    ///   - region: the effective region (this environment's `region`, or the one resolved from AWS config).
    ///   - account: the account ID from STS GetCallerIdentity; needed only when `{account}` is used.
    /// - Throws: `ConfigurationError` `.unresolvedPlaceholder` when `{account}` is used and `account` is nil.
    package func resolvedArtifacts(region: String, account: String?) throws -> ResolvedArtifactLocation {
        let bucket = try artifacts.effectiveBucket?.expand(region: region, account: account, environment: name)
        let prefix = try artifacts.prefix.expand(region: region, account: account, environment: name)
        let trimmed = prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return ResolvedArtifactLocation(bucket: bucket, prefix: trimmed, kmsKeyID: artifacts.kmsKeyID)
    }

    /// The value of parameter `key`, if set.
    package func parameter(_ key: String) -> String? {
        parameters.last { $0.key == key }?.value
    }
}
