// Pushes wherever an image is needed: `ferry package`, `ferry deploy` and `ferry update`, not only `ferry up`.
import AWSServices
import Deployment
import Foundation
import Hotswap
import Packaging
import Reporting

extension ImagePublisher {
    /// Pushes the built images a template about to be deployed runs: every image of the last
    /// build for the packaged template (`ferry package` pinned them), else those whose pinned
    /// `ImageUri` the template names. Idempotent: only missing blobs are uploaded.
    /// - Throws: the STS, ECR or registry error of a push.
    static func pushReferenced(by template: DeployTemplate, project: inout ResolvedProject, sink: any EventSink) async throws {
        guard case let .file(url) = template else { return }
        try await project.planImages()
        guard !project.imagePushes.isEmpty else { return }
        let packaged = PackageOutput.packagedTemplate(projectRoot: project.configuration.directory)
        var pushes = project.imagePushes
        if url.standardizedFileURL.path != packaged.standardizedFileURL.path {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            pushes = pushes.filter { text.contains($0.imageURI) }
        }
        try await push(pushes, ecr: ECR(client: project.session.client), projectRoot: project.configuration.directory, sink: sink)
    }

    /// Pushes the images a hot-swap plan's operations point functions at (before any is applied).
    /// - Throws: the ECR or registry error of a push.
    static func push(for plan: HotswapPlan, project: ResolvedProject, sink: any EventSink) async throws {
        let targets = Set(plan.operations.map(\.target.qualifiedName))
        let pushes = project.imagePushes.filter { targets.contains($0.entry.qualifiedName) }
        guard !pushes.isEmpty else { return }
        try await push(pushes, ecr: ECR(client: project.session.client), projectRoot: project.configuration.directory, sink: sink)
    }
}
