import AWSCore
import AWSServices
import Foundation
import Packaging
import Reporting

extension PackagePhase {
    /// What `ferry package` asks for: the project and environment, the AWS settings, and the
    /// phase's own flags.
    package struct Request: Sendable {
        /// The project folder.
        package var projectRoot: URL
        /// `--config`.
        package var configPath: URL?
        /// `--env`.
        package var environmentName: String?
        /// AWS settings from flags and the process environment.
        package var session: AWSSessionOptions
        /// `--create-bucket` (a managed bucket is always created on first use).
        package var createBucket = false
        /// The most uploads at once.
        package var concurrency = 8
        /// Ctrl-C handling: the uploads in progress are aborted before Ferry exits.
        package var interruption: DeployInterruption?
        /// `--no-cache-write`: write no action entry of the remote build cache.
        package var noCacheWrite = false
        /// The process environment (`FERRY_CACHE_WRITE`, `FERRY_CACHE_HMAC_KEY`).
        package var processEnvironment: [String: String] = [:]

        /// A request.
        package init(projectRoot: URL, configPath: URL? = nil, environmentName: String? = nil, session: AWSSessionOptions) {
            self.projectRoot = projectRoot
            self.configPath = configPath
            self.environmentName = environmentName
            self.session = session
        }
    }

    /// `ferry package` for a project: resolves it (the artifact bucket from the environment, the
    /// account from STS), plans once and uploads that plan.
    /// - Throws: configuration, STS, template and packaging errors (`bucketNotConfigured`, ...).
    package static func run(_ request: Request, sink: any EventSink) async throws -> Output {
        var project = try ResolvedProject.resolve(ProjectRequest(
            projectRoot: request.projectRoot, configPath: request.configPath, environmentName: request.environmentName,
            session: request.session))
        await project.adoptManagedBucket()
        try await project.resolveIdentity()
        try await project.planImages()
        let environment = project.environment
        var options = PackagePhase.Options(
            projectRoot: project.configuration.directory, templateFile: environment.templateFile,
            store: try project.artifactStore(), kmsKeyID: project.location?.kmsKeyID,
            createBucket: request.createBucket || environment.artifacts.isManaged, concurrency: request.concurrency)
        options.noncurrentVersionDays = environment.artifacts.noncurrentVersionDays
        options.interruption = request.interruption
        options.values = project.values
        options.remoteCache = RemoteCacheSettings.resolve(configuredWrite: environment.build.cacheWrite,
                                                          noCacheWrite: request.noCacheWrite,
                                                          environment: request.processEnvironment)
        try FerryFolder.requireWritable(projectRoot: options.projectRoot)
        let tree = try project.loadTree()
        try tree.requireArtifacts()
        try project.readManifest()
        let plan = try project.packagePlan()
        // The packaged template pins each image by digest: the images are pushed with it.
        try await ImagePublisher.push(project.imagePushes, ecr: ECR(client: project.session.client),
                                      projectRoot: project.configuration.directory, sink: sink)
        return try await PackagePhase(options: options).upload(plan, notes: tree.notes, s3: project.session.s3, sink: sink)
    }
}
