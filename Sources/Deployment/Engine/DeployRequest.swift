import Configuration
import Foundation

/// Where the root template comes from.
public enum DeployTemplate: Sendable, Equatable {
    /// A local file (a packaged template); uploaded first when over 51,200 bytes.
    case file(URL)
    /// An S3 URL CloudFormation reads itself.
    case url(String)
}

/// Everything one `ferry deploy` of one environment needs.
public struct DeployRequest: Sendable {
    public var stackName: String
    public var environmentName: String
    public var template: DeployTemplate
    /// Configuration parameters merged with `--parameter` overrides (NoEcho names are added
    /// from the template by the deployer).
    public var parameters: DeployParameters
    public var tags: [KeyValue]
    /// Configured capabilities; the ones the template needs are added.
    public var capabilities: [String]
    /// `--role-arn`: the service role CloudFormation uses.
    public var roleARN: String?
    /// `--notification-arn`: SNS topics for stack events.
    public var notificationARNs: [String]
    /// Turn termination protection on after the deploy.
    public var terminationProtection: Bool
    /// What to do with stacks in states a deploy cannot update.
    public var rules: DeployPreparation.Rules
    /// Stop after showing the change set.
    public var dryRun: Bool
    /// Uploads a template over 51,200 bytes and returns its S3 URL; nil when there is no bucket.
    public var uploadLargeTemplate: (@Sendable (_ body: Data, _ sha256: String) async throws -> String)?

    /// A request.
    public init(
        stackName: String, environmentName: String, template: DeployTemplate, parameters: DeployParameters,
        tags: [KeyValue] = [], capabilities: [String] = [], roleARN: String? = nil, notificationARNs: [String] = [],
        terminationProtection: Bool = false, rules: DeployPreparation.Rules, dryRun: Bool = false,
        uploadLargeTemplate: (@Sendable (_ body: Data, _ sha256: String) async throws -> String)? = nil
    ) {
        self.stackName = stackName
        self.environmentName = environmentName
        self.template = template
        self.parameters = parameters
        self.tags = tags
        self.capabilities = capabilities
        self.roleARN = roleARN
        self.notificationARNs = notificationARNs
        self.terminationProtection = terminationProtection
        self.rules = rules
        self.dryRun = dryRun
        self.uploadLargeTemplate = uploadLargeTemplate
    }
}
