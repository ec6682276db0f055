import Configuration
import Foundation

/// Where the root template comes from.
package enum DeployTemplate: Sendable, Equatable {
    /// A local file (a packaged template); uploaded first when over 51,200 bytes.
    case file(URL)
    /// An S3 URL CloudFormation reads itself.
    case url(String)
}

/// Everything one `ferry deploy` of one environment needs.
package struct DeployRequest: Sendable {
    package var stackName: String
    package var environmentName: String
    package var template: DeployTemplate
    /// Configuration parameters merged with `--parameter` overrides (NoEcho names are added
    /// from the template by the deployer).
    package var parameters: DeployParameters
    package var tags: [KeyValue]
    /// Configured capabilities; the ones the template needs are added.
    package var capabilities: [String]
    /// `--role-arn`: the service role CloudFormation uses.
    package var roleARN: String?
    /// `--notification-arn`: SNS topics for stack events.
    package var notificationARNs: [String]
    /// Turn termination protection on after the deploy.
    package var terminationProtection: Bool
    /// What to do with stacks in states a deploy cannot update.
    package var rules: DeployPreparation.Rules
    /// Stop after showing the change set.
    package var dryRun: Bool
    /// Uploads a template over 51,200 bytes and returns its S3 URL; nil when there is no bucket.
    package var uploadLargeTemplate: (@Sendable (_ body: Data, _ sha256: String) async throws -> String)?

    /// A request.
    package init(
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
