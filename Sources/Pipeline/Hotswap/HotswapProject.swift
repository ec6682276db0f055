import AWSServices
import Configuration
import Foundation
import Hotswap
import Reporting
import Templates

/// What `ferry update` and `ferry verify` share: the environment, the AWS session, the local
/// targets and the resolver of the deployed stack tree.
struct HotswapProject: Sendable {
    let environment: EnvironmentConfiguration
    let session: AWSSession
    let tree: TemplateTree
    let targets: [HotswapTarget]
    let resolver: PhysicalResolver
    let artifactBucket: String?
    let artifactPrefix: String
    /// The stacks `--stack` limits the targets and template changes to.
    var selected = SelectedStacks.everything

    /// Loads configuration, template tree and build manifest, and makes the session.
    static func load(projectRoot: URL, configPath: URL?, environmentName: String?, session options: AWSSessionOptions,
                     only: [String], stacks: StackSelection = .everything, checkPolicy: ((EnvironmentConfiguration) throws -> Void)? = nil) async throws -> HotswapProject {
        let project = try ProjectConfiguration.load(directory: projectRoot, explicitPath: configPath)
        let configured = try project.environment(named: environmentName)
        try checkPolicy?(configured)
        let session = try AWSSession.make(options.applying(configured))
        let environment = await ManagedArtifactBucket.adopting(configured, session: session)
        let tree = try TemplateValues(environment: environment, region: session.settings.region).loadTree(environment.templateFile)
        let build = try LocalBuildState.load(projectRoot: project.directory)
        let location = await artifactLocation(environment, session: session)
        let selected = try stacks.resolve(in: tree)
        let images = try await ImagePublisher.plan(projectRoot: project.directory, environment: environment, session: session)
        var targets = (try HotswapTargetCollector.targets(tree: tree, build: build, artifactBucket: location?.bucket)
            + ImagePublisher.targets(images, tree: tree))
            .filter { selected.contains(stackPath: $0.stackPath) }
        if !only.isEmpty {
            let wanted = Set(only)
            targets = targets.filter { wanted.contains($0.logicalID.rawValue) || wanted.contains($0.qualifiedName) }
            let found = Set(targets.flatMap { [$0.logicalID.rawValue, $0.qualifiedName] })
            if let unknown = only.first(where: { !found.contains($0) }) {
                let scope = selected.summary.map { " in --stack \($0)" } ?? ""
                throw PipelineFailure(.badInput, "\(unknown) is not a function, layer, state machine or AppSync resource of the local build\(scope); "
                    + "check the logical ID (or Stack/Path/LogicalID) and run `ferry build` first.")
            }
        }
        let resolver = PhysicalResolver(
            rootStackName: environment.stackName,
            lister: CloudFormationResourceLister(cloudFormation: CloudFormation(client: session.client)))
        var loaded = HotswapProject(environment: environment, session: session, tree: tree, targets: targets, resolver: resolver,
                                    artifactBucket: location?.bucket, artifactPrefix: location?.prefix ?? "")
        loaded.selected = selected
        return loaded
    }

    /// The artifact bucket and prefix; the account is asked from STS only when `{account}` is used.
    static func artifactLocation(_ environment: EnvironmentConfiguration, session: AWSSession) async -> ResolvedArtifactLocation? {
        if let location = try? environment.resolvedArtifacts(region: session.settings.region, account: nil) { return location }
        guard let account = try? await session.sts.getCallerIdentity().account else { return nil }
        return try? environment.resolvedArtifacts(region: session.settings.region, account: account)
    }

    /// The services and detection context over this session.
    var context: DetectionContext {
        DetectionContext(services: .aws(session.client), resolver: resolver)
    }

    /// Per stack path, how the local template differs from the deployed one (the planner ignores
    /// local paths that packaging turned into S3 locations).
    func templateChanges(only: [String]) async throws -> [String: [ResourceDifference]] {
        let cloudFormation = CloudFormation(client: session.client)
        var changes: [String: [ResourceDifference]] = [:]
        for stack in tree.allStacks where selected.contains(stackPath: stack.stackPath) {
            let stackName: String
            do {
                stackName = try await resolver.stackName(for: stack.stackPath)
            } catch let error as HotswapError where error.isNotDeployed {
                continue
            }
            let body: String
            do {
                guard let text = try await cloudFormation.getTemplate(stackName: stackName, stage: .original).templateBody else { continue }
                body = text
            } catch where CloudFormation.isStackMissing(error) {
                continue
            }
            let values = stack.logicalID == nil ? environment.templateParameterValues : [:]
            let deployed = try TemplateLoader.parse(body, file: "deployed template of \(stackName)", parameterValues: values)
            var differences = TemplateDiff.resources(from: deployed, to: stack.template)
            if !only.isEmpty {
                differences = differences.filter { only.contains($0.logicalID.rawValue) || only.contains("\(stack.stackPath)/\($0.logicalID.rawValue)") }
            }
            if !differences.isEmpty { changes[stack.stackPath] = differences }
        }
        return changes
    }
}
