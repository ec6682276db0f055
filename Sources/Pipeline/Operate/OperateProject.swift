import AWSServices
import Configuration
import Foundation
import Hotswap

/// What `ferry logs` and `ferry metrics` share: the environment, the AWS session and the deployed
/// functions of its stack.
struct OperateProject: Sendable {
    let environment: EnvironmentConfiguration
    let session: AWSSession
    let functions: [StackFunction]

    /// Loads the configuration, makes the session and lists the stack's functions, narrowed to `names`.
    static func load(projectRoot: URL, configPath: URL?, environmentName: String?, session options: AWSSessionOptions,
                     names: [String]) async throws -> OperateProject {
        let project = try ProjectConfiguration.load(directory: projectRoot, explicitPath: configPath)
        let environment = try project.environment(named: environmentName)
        let session = try AWSSession.make(options.applying(environment))
        let resolver = PhysicalResolver(
            rootStackName: environment.stackName,
            lister: CloudFormationResourceLister(cloudFormation: CloudFormation(client: session.client)))
        let all = try await StackFunctionResolver(
            resolver: resolver, logGroups: LambdaLogGroupLookup(lambda: Lambda(client: session.client))).functions()
        guard !all.isEmpty else { throw OperateError.noFunctions(environment.stackName) }
        return OperateProject(environment: environment, session: session,
                              functions: try FunctionSelector.select(names, from: all))
    }
}
