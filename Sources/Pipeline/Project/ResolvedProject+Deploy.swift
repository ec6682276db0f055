import AWSCore
import AWSServices
import Configuration
import Deployment
import Foundation
import Packaging

/// What a deploy, rollback or history command derives from a resolved project: where lock and
/// history live, the deploy's timing, and the engine's request.
extension ResolvedProject {
    /// Resolves the project of `ferry deploy`, `ferry rollback` and `ferry history`: the
    /// configuration, the session, SAM's managed bucket and the caller (STS).
    /// - Throws: configuration, session and STS errors.
    static func forDeploy(_ request: ProjectRequest) async throws -> ResolvedProject {
        var project = try resolve(request)
        await project.adoptManagedBucket()
        try await project.resolveIdentity()
        return project
    }

    /// The environment's lock, when an artifact bucket is configured.
    var lock: EnvironmentLock? {
        guard let location, let bucket = location.bucket else { return nil }
        return EnvironmentLock(s3: session.s3, bucket: bucket, prefix: location.prefix, stackName: environment.stackName,
                               environment: environment.name)
    }

    /// The environment's deploy history, when an artifact bucket is configured.
    var history: DeployHistory? {
        guard let location, let bucket = location.bucket else { return nil }
        return DeployHistory(s3: session.s3, bucket: bucket, prefix: location.prefix, stackName: environment.stackName)
    }

    /// How often a deploy polls: AWS's pace on AWS, faster on a local emulator.
    var deployTiming: Deployer.Timing {
        let host = (try? session.settings.endpoint(for: .cloudFormation))?.url.host
        return host.map(AWSPartition.isAWSHost) ?? true ? Deployer.Timing() : .local
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
        let packaged = PackageOutput.packagedTemplate(projectRoot: configuration.directory)
        if FileManager.default.fileExists(atPath: packaged.path) { return .file(packaged) }
        return .file(environment.templateFile)
    }

    /// The engine's request for `request`.
    func deployRequest(_ request: DeployWorkflowRequest) throws -> DeployRequest {
        let overrides = try self.request.parameterOverrides.map(DeployParameters.parseOverride)
        let s3 = session.s3
        let bucket = location?.bucket
        let prefix = location?.prefix ?? ""
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
            if let endpoint, let host = endpoint.host, !AWSPartition.isAWSHost(host) {
                return endpoint.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/\(bucket)/\(key)"
            }
            return "https://\(bucket).s3.\(region).\(AWSPartition.containing(region: region).dnsSuffix)/\(key)"
        }
    }
}
