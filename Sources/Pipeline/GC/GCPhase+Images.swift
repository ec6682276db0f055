// `ferry gc`: image digests in the environment's repositories that nothing uses any more.
import AWSServices
import Configuration
import Foundation
import Packaging
import Reporting

extension GCPhase {
    /// Lists (dry run) or deletes (BatchDeleteImage) the images of the environment's repositories
    /// that no kept deploy, hot-swap record, live template or live function (or version) uses;
    /// returns deletion failures. A repository another environment of the project also resolves
    /// to is left alone (its deploys are not read here).
    func collectImages(project: inout ResolvedProject, found: GCReferenceReader.Found, now: Date,
                       sink: any EventSink) async -> [String] {
        let settings = project.environment.build.images
        guard settings.repository != nil || !settings.repositories.isEmpty else { return [] }
        let ecr = ECR(client: project.session.client)
        do {
            let account = try await project.callerIdentity().account
            let region = project.session.settings.region
            var repositories = Self.repositories(settings, account: account, region: region, environment: project.environment.name)
            for name in project.configuration.environmentNames where name != project.environment.name {
                guard let other = try? project.configuration.environment(named: name) else { continue }
                let shared = repositories.intersection(Self.repositories(other.build.images, account: account,
                                                                         region: other.region ?? region, environment: name))
                for repository in shared.sorted() {
                    sink.emit(GCEvent.warning("images: repository \(repository) is shared with environment '\(name)': its images are kept "
                        + "(use {env} in the repository name to give each environment its own)"))
                }
                repositories.subtract(shared)
            }
            var images: [String: [ECRImageDetail]] = [:]
            for repository in repositories.sorted() {
                do {
                    images[repository] = try await ecr.describeImages(repository: repository)
                } catch where ECR.isRepositoryMissing(error) {
                    continue
                }
            }
            guard !images.isEmpty else { return [] }
            var used = found.references.hashes
            used.formUnion(await liveFunctionImages(project: project, stacks: found.liveStacks))
            let plan = GCImagePlan.make(images: images, used: used, newerThan: now.addingTimeInterval(-options.minimumAge),
                                        unknownBefore: found.unknownBefore)
            for doomed in plan.doomed {
                sink.emit(GCImageEvent(repository: doomed.repository, digest: doomed.digest, size: doomed.size, deleted: options.delete))
            }
            var failures: [String] = []
            var freed = plan.bytes
            var deleted = 0
            if options.delete, !plan.doomed.isEmpty {
                for repository in Set(plan.doomed.map(\.repository)).sorted() {
                    let doomed = plan.doomed.filter { $0.repository == repository }
                    let result = try await ecr.batchDeleteImages(repository: repository, digests: doomed.map(\.digest))
                    deleted += result.deleted.count
                    failures += result.failures
                    let gone = Set(result.deleted)
                    freed -= doomed.filter { !gone.contains($0.digest) }.reduce(0) { $0 + $1.size }
                }
            }
            sink.emit(GCImageSummaryEvent(images: plan.doomed.count, deleted: deleted, bytes: freed, repositories: images.count,
                                          referenced: plan.referenced, keptByAge: plan.keptByAge, dryRun: !options.delete))
            return failures
        } catch {
            sink.emit(GCEvent.warning("images: nothing collected (\(FailurePresenter.present(error).message))"))
            return []
        }
    }

    /// The repository names `settings` resolves to for an environment.
    static func repositories(_ settings: ImageSettings, account: String, region: String, environment: String) -> Set<String> {
        Set(([settings.repository].compactMap { $0 } + Array(settings.repositories.values)).map { configured in
            ImagePusher.repositoryName(configured.replacingOccurrences(of: "{account}", with: account)
                .replacingOccurrences(of: "{region}", with: region).replacingOccurrences(of: "{env}", with: environment))
        })
    }

    /// The image digests (hex) the live functions and versions of `stacks` (and their nested stacks) run.
    func liveFunctionImages(project: ResolvedProject, stacks: [String]) async -> Set<String> {
        let cloudFormation = project.cloudFormation
        let lambda = Lambda(client: project.session.client)
        var digests = Set<String>()
        var pending = stacks
        var seen = Set<String>()
        while let stack = pending.popLast() {
            guard seen.insert(stack).inserted, let resources = try? await cloudFormation.listStackResources(stack) else { continue }
            pending += resources.filter { $0.resourceType == "AWS::CloudFormation::Stack" }.compactMap(\.physicalResourceId)
            for resource in resources where ["AWS::Lambda::Function", "AWS::Lambda::Version"].contains(resource.resourceType) {
                guard let name = resource.physicalResourceId, let code = try? await lambda.getFunction(name).code else { continue }
                for uri in [code.imageUri, code.resolvedImageUri].compactMap({ $0 }) {
                    digests.formUnion(ArtifactReferences.scan(uri).hashes)
                }
            }
        }
        return digests
    }
}

/// One image that goes (or would go).
package struct GCImageEvent: FerryEvent {
    package let repository: String
    package let digest: String
    package let size: Int64
    package let deleted: Bool
    package var kind: String { "gc.image" }
    package var level: EventLevel { .info }
    package var message: String {
        "\(deleted ? "delete" : "would delete") image \(repository)@\(digest) (\(StorageCost.formatted(bytes: size)))"
    }
}

/// What gc freed or would free in the image repositories.
package struct GCImageSummaryEvent: FerryEvent {
    package let images: Int
    package let deleted: Int
    package let bytes: Int64
    package let repositories: Int
    package let referenced: Int
    package let keptByAge: Int
    package let dryRun: Bool
    package var kind: String { "gc.images" }
    package var level: EventLevel { dryRun || images == 0 ? .info : .success }
    package var message: String {
        let size = StorageCost.formatted(bytes: bytes)
        if images == 0 { return "images: nothing to collect in \(repositories) repositor\(repositories == 1 ? "y" : "ies")" }
        if dryRun { return "images: would delete \(images) image(s), \(size) (dry run: nothing was deleted)" }
        return "images: deleted \(deleted) image(s), freed \(size)"
    }
    package var details: [String] {
        ["kept: \(referenced) image(s) used by the kept deploys, hot-swap records, live stacks or functions; \(keptByAge) too new "
            + "or possibly used by an older deploy", "sizes as ECR reports them: layers other images share stay stored"]
    }
}
