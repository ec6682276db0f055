import AWSCore
import Foundation

/// AWS CodeDeploy, read side: the deployments of a deployment group and their Lambda targets
/// (what SAM's `DeploymentPreference` runs when CloudFormation updates an alias).
package struct CodeDeploy: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// A CodeDeploy client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// The IDs of a group's deployments, all pages (ListDeployments).
    package func listDeployments(applicationName: String, deploymentGroupName: String) async throws -> [String] {
        try await paginate(operation: "ListDeployments") { token in
            let page: ListDeploymentsPage = try await client.json(
                .codeDeploy, operation: "ListDeployments",
                input: ListDeploymentsRequest(applicationName: applicationName, deploymentGroupName: deploymentGroupName,
                                              nextToken: token))
            return page
        } items: { $0.deployments ?? [] } nextToken: { $0.nextToken }
    }

    /// One deployment (GetDeployment).
    package func getDeployment(_ deploymentID: String) async throws -> DeploymentInfo {
        let output: GetDeploymentOutput = try await client.json(
            .codeDeploy, operation: "GetDeployment", input: DeploymentIDRequest(deploymentId: deploymentID))
        return output.deploymentInfo
    }

    /// The IDs of a deployment's targets, all pages (ListDeploymentTargets).
    package func listDeploymentTargets(_ deploymentID: String) async throws -> [String] {
        try await paginate(operation: "ListDeploymentTargets") { token in
            let page: ListDeploymentTargetsPage = try await client.json(
                .codeDeploy, operation: "ListDeploymentTargets",
                input: ListDeploymentTargetsRequest(deploymentId: deploymentID, nextToken: token))
            return page
        } items: { $0.targetIds ?? [] } nextToken: { $0.nextToken }
    }

    /// The targets of a deployment, up to 25 per call as the API allows (BatchGetDeploymentTargets).
    package func batchGetDeploymentTargets(_ deploymentID: String, targetIDs: [String]) async throws -> [DeploymentTarget] {
        var found: [DeploymentTarget] = []
        var start = 0
        while start < targetIDs.count {
            let chunk = Array(targetIDs[start..<min(start + 25, targetIDs.count)])
            let output: BatchGetDeploymentTargetsOutput = try await client.json(
                .codeDeploy, operation: "BatchGetDeploymentTargets",
                input: BatchGetDeploymentTargetsRequest(deploymentId: deploymentID, targetIds: chunk))
            found += output.deploymentTargets ?? []
            start += 25
        }
        return found
    }
}
