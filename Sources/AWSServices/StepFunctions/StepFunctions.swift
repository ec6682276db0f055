import AWSCore
import Foundation

/// AWS Step Functions: reading and updating state machine definitions.
package struct StepFunctions: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// A Step Functions client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// A state machine with its definition (DescribeStateMachine).
    package func describeStateMachine(_ stateMachineArn: String) async throws -> StateMachineDescription {
        try await client.json(
            .stepFunctions, operation: "DescribeStateMachine", input: StateMachineArnRequest(stateMachineArn: stateMachineArn))
    }

    /// Replaces a state machine's definition and/or role (UpdateStateMachine).
    package func updateStateMachine(
        _ stateMachineArn: String, definition: String? = nil, roleArn: String? = nil, publish: Bool? = nil
    ) async throws -> UpdateStateMachineOutput {
        try await client.json(
            .stepFunctions, operation: "UpdateStateMachine",
            input: UpdateStateMachineRequest(
                stateMachineArn: stateMachineArn, definition: definition, roleArn: roleArn, publish: publish))
    }

    /// Every state machine in the region, all pages (ListStateMachines).
    package func listStateMachines() async throws -> [StateMachineListItem] {
        try await paginate(operation: "ListStateMachines") { token in
            let page: ListStateMachinesPage = try await client.json(
                .stepFunctions, operation: "ListStateMachines", input: NextTokenRequest(nextToken: token))
            return page
        } items: { $0.stateMachines } nextToken: { $0.nextToken }
    }

    /// Whether an error says the state machine does not exist.
    package static func isStateMachineMissing(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "StateMachineDoesNotExist"
    }
}
