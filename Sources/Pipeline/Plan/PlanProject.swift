import AWSCore
import AWSServices
import Builds
import Configuration
import Foundation
import Hotswap
import Packaging
import Templates

/// Everything `ferry plan` compares, loaded once: the environment, the AWS session, the packaged
/// templates computed in memory (content-hash keys, nothing uploaded) and the hot-swap targets of
/// the local build.
struct PlanProject: Sendable {
    let configuration: ProjectConfiguration
    let environment: EnvironmentConfiguration
    let session: AWSSession
    let store: ArtifactStore
    let kmsKeyID: String?
    let packagePlan: PackagePlan
    let hotswap: HotswapProject
    /// The values the templates were evaluated with.
    let values: TemplateValues
    /// The images Ferry built, each with its repository and pinned `ImageUri` (pushed by `ferry up`).
    var imagePushes: [PlannedImagePush] = []
    /// The stacks `--stack` limits the code comparison to.
    var selected: SelectedStacks { hotswap.selected }

    /// Loads configuration, session, template tree and build manifest, and plans the packaging.
    /// - Throws: configuration, template and packaging errors (`bucketNotConfigured`,
    ///   `manifestMissing`, ...), and the STS error when the bucket name needs the account.
    static func load(projectRoot: URL, configPath: URL?, environmentName: String?,
                     session options: AWSSessionOptions, stacks: StackSelection = .everything,
                     parameterOverrides: [KeyValue] = []) async throws -> PlanProject {
        let configuration = try ProjectConfiguration.load(directory: projectRoot, explicitPath: configPath)
        let configured = try configuration.environment(named: environmentName)
        let session = try AWSSession.make(options.applying(configured))
        let environment = await ManagedArtifactBucket.adopting(configured, session: session)
        NoEchoValues.register(environment, overrides: [])
        let region = session.settings.region
        let location: ResolvedArtifactLocation
        if let known = try? environment.resolvedArtifacts(region: region, account: nil) {
            location = known
        } else {
            let account = try await session.sts.getCallerIdentity().account
            location = try environment.resolvedArtifacts(region: region, account: account)
        }
        guard let bucket = location.bucket else { throw PackagingError.bucketNotConfigured }
        let endpoint = try? session.settings.endpoint(for: .s3).url
        let store = ArtifactStore(bucket: bucket, prefix: location.prefix, region: region,
                                  customEndpoint: endpoint.flatMap { ArtifactStore.isCustom($0) ? $0 : nil })
        let values = TemplateValues(environment: environment, overrides: parameterOverrides, region: region)
        var packageOptions = PackagePhase.Options(
            projectRoot: configuration.directory, templateFile: environment.templateFile, store: store,
            kmsKeyID: location.kmsKeyID)
        packageOptions.values = values
        let imagePushes = try await ImagePublisher.plan(projectRoot: configuration.directory, environment: environment, session: session)
        packageOptions.imageURIs = ImagePublisher.imageURIs(imagePushes)
        let packagePlan = try PackagePhase(options: packageOptions).plan()
        let tree = try values.loadTree(environment.templateFile)
        let build = packagePlan.manifest.map(LocalBuildState.init(manifest:))
        let selected = try stacks.resolve(in: tree)
        let targets = (try HotswapTargetCollector.targets(tree: tree, build: build, artifactBucket: bucket)
            + ImagePublisher.targets(imagePushes, tree: tree))
            .filter { selected.contains(stackPath: $0.stackPath) }
        let resolver = PhysicalResolver(
            rootStackName: environment.stackName,
            lister: CloudFormationResourceLister(cloudFormation: CloudFormation(client: session.client)))
        var hotswap = HotswapProject(environment: environment, session: session, tree: tree, targets: targets,
                                     resolver: resolver, artifactBucket: bucket, artifactPrefix: location.prefix)
        hotswap.selected = selected
        var project = PlanProject(configuration: configuration, environment: environment, session: session, store: store,
                                  kmsKeyID: location.kmsKeyID, packagePlan: packagePlan, hotswap: hotswap, values: values)
        project.imagePushes = imagePushes
        return project
    }
}

extension LocalBuildState {
    /// The hot-swap view of a build manifest (with the S3 keys packaging assigned).
    init(manifest: BuildManifest) {
        self.init(artifacts: manifest.artifacts.map { artifact in
            LocalBuildState.Artifact(
                logicalID: artifact.logicalID, stackPath: artifact.stackPath, resourceType: artifact.resourceType,
                kind: artifact.kind, zipSHA256: artifact.zipSHA256, codeSha256: artifact.codeSha256, size: artifact.size,
                zipPath: artifact.zipPath, s3Key: artifact.s3Key)
        })
    }
}
