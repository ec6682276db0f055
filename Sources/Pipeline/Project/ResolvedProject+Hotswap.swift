import AWSServices
import Builds
import Foundation
import Hotswap
import Templates

/// What hot-swap, plan and verify derive from a resolved project: the local targets, the resolver
/// of the deployed stack tree and the template changes.
extension ResolvedProject {
    /// The resolver of the environment's deployed stack tree.
    var resolver: PhysicalResolver {
        PhysicalResolver(rootStackName: environment.stackName,
                         lister: CloudFormationResourceLister(cloudFormation: cloudFormation))
    }

    /// The services and detection context over this session: live state read once per context
    /// (each stack listed once by `resolver`, each function's settings read once, shared by its
    /// code and settings targets).
    func detectionContext(resolver: PhysicalResolver) -> DetectionContext {
        DetectionContext(services: .aws(session.client, reads: LiveFunctionReads(lambda: Lambda(client: session.client))),
                         resolver: resolver)
    }

    /// The build manifest as hot-swap sees it; `requireManifest` throws when there is none.
    /// - Throws: `HotswapError.unreadableManifest` when required and no build was made.
    func localBuild(_ manifest: BuildManifest?, required: Bool) throws -> LocalBuildState? {
        guard let manifest else {
            guard !required else {
                throw HotswapError.unreadableManifest(
                    path: BuildManifest.location(projectRoot: configuration.directory).path, reason: "the file does not exist")
            }
            return nil
        }
        return LocalBuildState(manifest: manifest)
    }

    /// Every hot-swap target of the loaded tree and `build` in the `selected` stacks.
    /// - Throws: `HotswapError.unreadableArtifact`.
    func hotswapTargets(build: LocalBuildState?, selected: SelectedStacks) throws -> [HotswapTarget] {
        (try HotswapTargetCollector.targets(tree: loadedTree, build: build, artifactBucket: location?.bucket)
            + ImagePublisher.targets(imagePushes, tree: loadedTree))
            .filter { selected.contains(stackPath: $0.stackPath) }
    }

    /// `targets` limited to `only` (logical IDs or `Stack/Path/LogicalID`; empty for all): the
    /// `--only` list is derived from the whole one, never collected again.
    /// - Throws: `PipelineFailure` (bad input) for a name in `only` that is not one of `targets`.
    static func limit(_ targets: [HotswapTarget], to only: [String], selected: SelectedStacks) throws -> [HotswapTarget] {
        guard !only.isEmpty else { return targets }
        let wanted = Set(only)
        let limited = targets.filter { wanted.contains($0.logicalID.rawValue) || wanted.contains($0.qualifiedName) }
        let found = Set(limited.flatMap { [$0.logicalID.rawValue, $0.qualifiedName] })
        if let unknown = only.first(where: { !found.contains($0) }) {
            let scope = selected.summary.map { " in --stack \($0)" } ?? ""
            throw PipelineFailure(.badInput, "\(unknown) is not a function, layer, state machine or AppSync resource of the local build\(scope); "
                + "check the logical ID (or Stack/Path/LogicalID) and run `ferry build` first.")
        }
        return limited
    }

    /// Per stack path, how the local template differs from the deployed one (the planner ignores
    /// local paths that packaging turned into S3 locations).
    func templateChanges(selected: SelectedStacks, only: [String], resolver: PhysicalResolver) async throws
        -> [String: [ResourceDifference]] {
        let cloudFormation = cloudFormation
        var changes: [String: [ResourceDifference]] = [:]
        for stack in loadedTree.allStacks where selected.contains(stackPath: stack.stackPath) {
            let stackName: String
            do {
                stackName = try await resolver.stackName(for: stack.stackPath)
            } catch let error as HotswapError where error.isNotDeployed {
                continue
            }
            let body: String
            do {
                guard let text = try await cloudFormation.getTemplate(stackName: stackName, stage: .original).templateBody,
                      !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
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

extension LocalBuildState {
    /// The hot-swap view of a build manifest (with the S3 keys packaging assigned, when it did).
    init(manifest: BuildManifest) {
        self.init(artifacts: manifest.artifacts.map { artifact in
            LocalBuildState.Artifact(
                logicalID: artifact.logicalID, stackPath: artifact.stackPath, resourceType: artifact.resourceType,
                kind: artifact.kind, zipSHA256: artifact.zipSHA256, codeSha256: artifact.codeSha256, size: artifact.size,
                zipPath: artifact.zipPath, s3Key: artifact.s3Key)
        })
    }
}
