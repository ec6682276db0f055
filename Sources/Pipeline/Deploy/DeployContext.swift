import AWSCore
import AWSServices
import Configuration
import Deployment
import Foundation
import Packaging

/// What a deploy or history command resolved before doing anything: the environment, the AWS
/// session and caller, and where lock and history live.
struct DeployContext: Sendable {
    var project: ProjectConfiguration
    var environment: EnvironmentConfiguration
    var session: AWSSession
    var identity: CallerIdentity
    var location: ResolvedArtifactLocation
    var cloudFormation: CloudFormation
    var timing: Deployer.Timing

    static func make(
        projectDirectory: URL, configPath: URL?, environmentName: String?, session options: AWSSessionOptions,
        transport: any HTTPTransport
    ) async throws -> DeployContext {
        let project = try ProjectConfiguration.load(directory: projectDirectory, explicitPath: configPath)
        let configured = try project.environment(named: environmentName)
        let session = try AWSSession.make(options.applying(configured), transport: transport)
        let environment = await ManagedArtifactBucket.adopting(configured, session: session)
        let identity = try await session.sts.getCallerIdentity()
        let location = try environment.resolvedArtifacts(region: session.settings.region, account: identity.account)
        let endpoint = try? session.settings.endpoint(for: .cloudFormation)
        let isAWS = endpoint?.url.host.map { $0.hasSuffix("amazonaws.com") || $0.hasSuffix("amazonaws.com.cn") } ?? true
        return DeployContext(
            project: project, environment: environment, session: session, identity: identity, location: location,
            cloudFormation: CloudFormation(client: session.client), timing: isAWS ? Deployer.Timing() : .local)
    }

    static func make(_ request: DeployWorkflowRequest, transport: any HTTPTransport) async throws -> DeployContext {
        try await make(projectDirectory: request.projectDirectory, configPath: request.configPath,
                       environmentName: request.environmentName, session: request.session, transport: transport)
    }

    /// The environment's lock, when an artifact bucket is configured.
    var lock: EnvironmentLock? {
        location.bucket.map {
            EnvironmentLock(s3: session.s3, bucket: $0, prefix: location.prefix, stackName: environment.stackName,
                            environment: environment.name)
        }
    }

    /// The environment's deploy history, when an artifact bucket is configured.
    var history: DeployHistory? {
        location.bucket.map { DeployHistory(s3: session.s3, bucket: $0, prefix: location.prefix, stackName: environment.stackName) }
    }

    /// Whether a failed first create may be deleted and recreated without asking: not in
    /// production-like environments (approval required, termination protection, prod names).
    var allowsRecreate: Bool {
        EnvironmentPolicy.defaultHotswap(environment: environment.name)
            && environment.policy.approval != .required && !environment.policy.terminationProtection
    }

    /// The template to deploy: `--template-url`, `--template`, the packaged template under
    /// `.ferry/package/` when there is one, else the environment's template.
    func template(_ request: DeployWorkflowRequest) -> DeployTemplate {
        if let url = request.templateURL { return .url(url) }
        if let path = request.templatePath { return .file(path) }
        let packaged = PackageOutput.packagedTemplate(projectRoot: project.directory)
        if FileManager.default.fileExists(atPath: packaged.path) { return .file(packaged) }
        return .file(environment.templateFile)
    }

    /// The engine's request for `request`.
    func deployRequest(_ request: DeployWorkflowRequest) throws -> DeployRequest {
        let overrides = try request.parameterOverrides.map(DeployParameters.parseOverride)
        let s3 = session.s3
        let bucket = location.bucket
        let prefix = location.prefix
        let urlBase = templateURLBase
        var upload: (@Sendable (Data, String) async throws -> String)?
        if let bucket {
            upload = { @Sendable body, sha in
                let key = (prefix.isEmpty ? "" : "\(prefix)/") + ".ferry/templates/\(sha).template"
                _ = try await s3.putObject(bucket: bucket, key: key, body: .data(body))
                return urlBase(bucket, key)
            }
        }
        return DeployRequest(
            stackName: environment.stackName, environmentName: environment.name, template: template(request),
            parameters: DeployParameters(configured: environment.parameters, overrides: overrides),
            tags: environment.tags, capabilities: environment.capabilities, roleARN: request.roleARN,
            notificationARNs: request.notificationARNs, terminationProtection: environment.policy.terminationProtection,
            rules: DeployPreparation.Rules(
                recreateFailedCreate: allowsRecreate, waitForOtherOperation: !request.noWait, environmentName: environment.name),
            dryRun: request.dryRun, uploadLargeTemplate: upload)
    }

    /// Builds the URL CloudFormation reads an uploaded template from: virtual-host style on AWS,
    /// path style on a custom endpoint (the emulator).
    private var templateURLBase: @Sendable (String, String) -> String {
        let region = session.settings.region
        let endpoint = try? session.settings.endpoint(for: .s3).url
        return { bucket, key in
            if let endpoint, let host = endpoint.host, !host.hasSuffix("amazonaws.com") {
                return endpoint.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/\(bucket)/\(key)"
            }
            return "https://\(bucket).s3.\(region).amazonaws.com/\(key)"
        }
    }
}
