import AWSCore
import Foundation

/// AWS CloudFormation: stacks, change sets, resources, events and templates.
package struct CloudFormation: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// A CloudFormation client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    func call<Output: Decodable & Sendable>(_ action: String, _ parameters: QueryParameters) async throws -> Output {
        try await client.query(.cloudFormation, action: action, parameters: parameters.values)
    }

    func call(_ action: String, _ parameters: QueryParameters) async throws {
        try await client.query(.cloudFormation, action: action, parameters: parameters.values)
    }

    /// Whether an error says the stack does not exist (`ValidationError` "Stack with id X does
    /// not exist"). The one place that knows how CloudFormation words it.
    package static func isStackMissing(_ error: any Error) -> Bool {
        guard let details = AWSErrorDetails(error) else { return false }
        return details.code == "ValidationError" && details.message.contains("does not exist")
    }

    /// Whether an error says there is nothing to update (`No updates are to be performed.`).
    package static func isNoUpdates(_ error: any Error) -> Bool {
        guard let details = AWSErrorDetails(error) else { return false }
        return details.code == "ValidationError" && details.message.contains("No updates are to be performed")
    }

    /// Whether an error says the resource (a change set of that name) already exists
    /// (`AlreadyExistsException`).
    package static func isAlreadyExists(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "AlreadyExistsException"
    }

    /// Whether an error says the change set cannot be executed in its current status
    /// (`InvalidChangeSetStatus`: still being created, or already executing).
    package static func isInvalidChangeSetStatus(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "InvalidChangeSetStatus"
    }

    /// The stack named `stackName` (name or ID), or `nil` when it does not exist.
    package func describeStack(_ stackName: String) async throws -> Stack? {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        do {
            let page: DescribeStacksPage = try await call("DescribeStacks", parameters)
            return page.stacks.member.first
        } catch where Self.isStackMissing(error) {
            return nil
        }
    }

    /// Every stack in the region that is not deleted, all pages (DescribeStacks).
    package func describeStacks() async throws -> [Stack] {
        try await paginate(operation: "DescribeStacks") { token in
            var parameters = QueryParameters()
            parameters.set("NextToken", token)
            let page: DescribeStacksPage = try await call("DescribeStacks", parameters)
            return page
        } items: { $0.stacks.member } nextToken: { $0.nextToken }
    }

    /// Cancels an update in progress (CancelUpdateStack).
    package func cancelUpdateStack(_ stackName: String) async throws {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        try await call("CancelUpdateStack", parameters)
    }

    /// Continues rolling back a stack in `UPDATE_ROLLBACK_FAILED` (ContinueUpdateRollback),
    /// skipping the resources that cannot be rolled back.
    package func continueUpdateRollback(
        _ stackName: String, resourcesToSkip: [String] = [], roleARN: String? = nil
    ) async throws {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("ResourcesToSkip", list: resourcesToSkip)
        parameters.set("RoleARN", roleARN)
        try await call("ContinueUpdateRollback", parameters)
    }

    /// Starts deleting a stack (DeleteStack); `retainResources` only for a stack in `DELETE_FAILED`.
    package func deleteStack(_ stackName: String, retainResources: [String] = [], roleARN: String? = nil) async throws {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("RetainResources", list: retainResources)
        parameters.set("RoleARN", roleARN)
        try await call("DeleteStack", parameters)
    }

    /// Turns termination protection on or off (UpdateTerminationProtection).
    package func updateTerminationProtection(_ stackName: String, enabled: Bool) async throws {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("EnableTerminationProtection", enabled)
        try await call("UpdateTerminationProtection", parameters)
    }
}
