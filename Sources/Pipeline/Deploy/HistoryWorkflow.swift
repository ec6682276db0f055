import AWSCore
import Deployment
import Foundation
import Hotswap
import Reporting

/// `ferry history`: the environment's deploys, rollbacks and hot-swaps, newest first.
package struct HistoryWorkflow: Sendable {
    /// A workflow.
    package init() {}

    /// The newest `limit` entries (deploys, rollbacks and hot-swaps) of the environment's stack.
    package func entries(_ project: ProjectRequest, limit: Int) async throws -> (stackName: String, entries: [HistoryEntry]) {
        let context = try await ResolvedProject.forDeploy(project)
        return (context.environment.stackName, try await Self.entries(context, limit: limit))
    }

    static func history(_ context: ResolvedProject) throws -> DeployHistory {
        guard let history = context.history else {
            throw DeploymentError.noHistory("no artifact bucket is configured ([artifacts] bucket in ferry.toml): history lives there")
        }
        return history
    }

    static func entries(_ context: ResolvedProject, limit: Int) async throws -> [HistoryEntry] {
        let deploys = try await history(context).list(limit: limit)
        var hotswaps: [HistoryEntry] = []
        if let location = context.location, let bucket = location.bucket {
            let store = HotswapRecordStore(s3: context.session.s3, bucket: bucket, prefix: location.prefix)
            hotswaps = HistoryTimeline.hotswapEntries(try await store.history(stackName: context.environment.stackName))
        }
        return HistoryTimeline.merge(deploys: deploys, hotswaps: hotswaps, limit: limit)
    }
}
