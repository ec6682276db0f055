import AWSCore
import AWSServices
import Builds
import Configuration
import Deployment
import Foundation
import Packaging
import Templates

/// Everything one command resolves about the project, once: the configuration, the selected
/// environment (and its policy), the AWS session, the values templates are evaluated with, where
/// artifacts live, the template tree and the build manifest. Phases take it, and each other's
/// outputs, as values; nothing in it is read from disk twice within one command (`loads` counts).
///
/// It is resolved in steps because commands need different parts: `resolve` is local (it makes
/// the session but calls nothing); `adoptManagedBucket`, `resolveArtifacts` and `resolveIdentity`
/// ask AWS; `loadTree` and `readManifest` read the project's files.
struct ResolvedProject: Sendable {
    /// What the command asked for: the project folder, `--config`, `--env`, the AWS settings.
    let request: ProjectRequest
    /// `ferry.toml` or `samconfig.toml`, loaded.
    let configuration: ProjectConfiguration
    /// The selected environment (with SAM's managed bucket adopted after `adoptManagedBucket`).
    private(set) var environment: EnvironmentConfiguration
    /// The AWS session every engine of the command shares.
    let session: AWSSession
    /// The values templates are evaluated with: the environment's parameters, the overrides, stack
    /// name and the session's region.
    let values: TemplateValues
    /// The `--parameter` overrides as given (NoEcho registration and deploys read them).
    let parameterOverrides: [String]
    /// Where artifacts, lock, history and hot-swap records live (nil until resolved, or when the
    /// bucket name cannot be resolved).
    private(set) var location: ResolvedArtifactLocation?
    /// The caller, when `resolveIdentity` asked STS.
    private(set) var identity: CallerIdentity?
    /// The template tree, after `loadTree`.
    private(set) var tree: TemplateTree?
    /// The build manifest, after `readManifest` or `use(manifest:)` (nil when there is none).
    private(set) var manifest: BuildManifest?
    /// The images Ferry built, each with its repository and pinned `ImageUri` (after `planImages`).
    private(set) var imagePushes: [PlannedImagePush] = []
    /// The HTTP transport of the session (webhooks share it).
    let transport: any HTTPTransport
    /// Counts every load.
    let loads: ProjectLoads

    /// Loads the configuration, selects the environment, checks `policy` (before anything else
    /// happens) and makes the AWS session. Calls no AWS API.
    /// - Throws: `ConfigurationError`, the policy's error, a bad `--parameter`, and the session's
    ///   resolution errors (profile, credentials source, region).
    static func resolve(_ request: ProjectRequest,
                        policy: ((EnvironmentConfiguration) throws -> Void)? = nil) throws -> ResolvedProject {
        request.loads.count(\.configurations)
        let configuration = try ProjectConfiguration.load(directory: request.projectRoot, explicitPath: request.configPath)
        let environment = try configuration.environment(named: request.environmentName)
        try policy?(environment)
        let overrides = try request.parameterOverrides.map(DeployParameters.parseOverride)
        let session = try AWSSession.make(request.session.applying(environment), transport: request.transport)
        let values = TemplateValues(environment: environment, overrides: overrides, region: session.settings.region)
        return ResolvedProject(
            request: request, configuration: configuration, environment: environment, session: session, values: values,
            parameterOverrides: request.parameterOverrides, transport: request.transport, loads: request.loads)
    }

    /// Adopts SAM's managed bucket when the environment's bucket is managed (a CloudFormation read).
    mutating func adoptManagedBucket() async {
        environment = await ManagedArtifactBucket.adopting(environment, session: session)
    }

    /// Resolves the artifact location; STS is asked for the account only when `{account}` is used.
    /// - Parameter required: throw when it cannot be resolved (else `location` stays nil).
    /// - Throws: the STS or `ConfigurationError` that stopped it, when `required`.
    mutating func resolveArtifacts(required: Bool) async throws {
        let region = session.settings.region
        if let known = try? environment.resolvedArtifacts(region: region, account: nil) {
            location = known
            return
        }
        if required {
            let account = try await callerIdentity().account
            location = try environment.resolvedArtifacts(region: region, account: account)
        } else {
            guard let account = try? await callerIdentity().account else { return }
            location = try? environment.resolvedArtifacts(region: region, account: account)
        }
    }

    /// The caller, from STS the first time a command asks (one call per command at most).
    /// - Throws: the STS error.
    mutating func callerIdentity() async throws -> CallerIdentity {
        if let identity { return identity }
        let caller = try await session.sts.getCallerIdentity()
        identity = caller
        return caller
    }

    /// Asks STS who the caller is (unless this command already did), and resolves the artifact
    /// location with the account.
    /// - Throws: the STS error, or `ConfigurationError` for an unresolvable bucket name.
    mutating func resolveIdentity() async throws {
        let caller = try await callerIdentity()
        location = try environment.resolvedArtifacts(region: session.settings.region, account: caller.account)
    }

    /// Loads the environment's template tree with `values`.
    /// - Throws: `TemplateError`.
    @discardableResult
    mutating func loadTree() throws -> TemplateTree {
        loads.count(\.templateTrees)
        let loaded = try values.loadTree(environment.templateFile)
        tree = loaded
        return loaded
    }

    /// Reads the build manifest (nil when there is none).
    /// - Throws: ``PackagingError/manifestUnreadable(path:reason:)``.
    mutating func readManifest() throws {
        loads.count(\.manifestReads)
        manifest = try PackagePhase.readManifest(projectRoot: configuration.directory)
    }

    /// Takes the manifest a build of this command just wrote (instead of reading it back).
    mutating func use(manifest: BuildManifest) {
        self.manifest = manifest
    }

    /// Plans the pushes of the images in `.ferry/build/images.json`; the account is the project's
    /// identity (STS is asked only when there are images and the command has not asked yet).
    /// - Throws: the STS error, or `ImageError` for an image without a repository.
    mutating func planImages() async throws {
        guard let images = try ImageManifest.read(projectRoot: configuration.directory), !images.images.isEmpty else {
            imagePushes = []
            return
        }
        let account = try await callerIdentity().account
        imagePushes = try ImagePublisher.plan(images, settings: environment.build.images, account: account,
                                              region: session.settings.region, environment: environment.name)
    }

    /// The loaded template tree; a phase is handed a project whose tree was loaded.
    var loadedTree: TemplateTree {
        guard let tree else { preconditionFailure("ResolvedProject.loadTree() must run before the tree is used") }
        return tree
    }

    /// The project folder the command runs in.
    var projectRoot: URL { request.projectRoot }

    /// The process environment (gates, webhooks and builders start with it).
    var processEnvironment: [String: String] { request.session.processEnvironment }

    /// The caller's ARN, when known.
    var callerARN: String { identity?.arn ?? "unknown" }

    /// The bucket, prefix, region and URL form of the artifacts.
    /// - Throws: ``PackagingError/bucketNotConfigured``.
    func artifactStore() throws -> ArtifactStore {
        guard let location, let bucket = location.bucket else { throw PackagingError.bucketNotConfigured }
        let endpoint = try? session.settings.endpoint(for: .s3).url
        return ArtifactStore(bucket: bucket, prefix: location.prefix, region: session.settings.region,
                             customEndpoint: endpoint.flatMap { ArtifactStore.isCustom($0) ? $0 : nil })
    }

    /// The package plan of the loaded tree and manifest, computed in memory (content-hash keys,
    /// nothing uploaded).
    /// - Throws: `TemplateError`, ``PackagingError`` (`bucketNotConfigured`, `manifestMissing`).
    func packagePlan() throws -> PackagePlan {
        let store = try artifactStore()
        loads.count(\.packagePlans)
        return try PackagePhase.plan(tree: loadedTree, manifest: manifest, store: store, projectRoot: configuration.directory,
                                     imageURIs: ImagePublisher.imageURIs(imagePushes))
    }

    /// CloudFormation over this session.
    var cloudFormation: CloudFormation { CloudFormation(client: session.client) }
}

extension ResolvedProject {
    /// What packaging and planning need from AWS: SAM's managed bucket adopted, the environment's
    /// NoEcho values registered, and the artifact location resolved (a bucket is required).
    /// - Throws: the STS or configuration error resolving the bucket name;
    ///   ``PackagingError/bucketNotConfigured``.
    mutating func resolveForPackaging() async throws {
        await adoptManagedBucket()
        NoEchoValues.register(environment, overrides: [])
        try await resolveArtifacts(required: true)
        _ = try artifactStore()
        try await planImages()
    }
}
