import AWSCore
import Deployment
import Foundation
import Reporting

/// `ferry history`: the environment's deploy records, newest first.
public struct HistoryWorkflow: Sendable {
    private let transport: any HTTPTransport

    /// A workflow.
    public init(transport: any HTTPTransport = URLSessionTransport()) { self.transport = transport }

    /// The newest `limit` records of the environment's stack.
    public func records(
        projectDirectory: URL, configPath: URL?, environmentName: String?, session: AWSSessionOptions, limit: Int
    ) async throws -> (stackName: String, records: [DeployRecord]) {
        let context = try await DeployContext.make(
            projectDirectory: projectDirectory, configPath: configPath, environmentName: environmentName,
            session: session, transport: transport)
        guard let history = context.history else {
            throw DeploymentError.noHistory("no artifact bucket is configured ([artifacts] bucket in ferry.toml): history lives there")
        }
        return (context.environment.stackName, try await history.list(limit: limit))
    }
}
