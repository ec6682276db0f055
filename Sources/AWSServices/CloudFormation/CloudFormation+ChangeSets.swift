import AWSCore
import Foundation

extension CloudFormation {
    /// Creates a change set (CreateChangeSet); it is computed asynchronously, so describe it
    /// until its status is final.
    package func createChangeSet(_ input: CreateChangeSetInput) async throws -> CreateChangeSetOutput {
        try await client.query(.cloudFormation, action: "CreateChangeSet", parameters: input.queryParameters)
    }

    /// A change set with every page of its changes (DescribeChangeSet).
    ///
    /// - Parameters:
    ///   - changeSetName: the change set's name (with `stackName`) or ARN.
    ///   - stackName: the stack, when `changeSetName` is a name.
    package func describeChangeSet(_ changeSetName: String, stackName: String? = nil) async throws -> ChangeSet {
        let pages: [ChangeSet] = try await paginate(operation: "DescribeChangeSet") { token in
            var parameters = QueryParameters()
            parameters.set("ChangeSetName", changeSetName)
            parameters.set("StackName", stackName)
            parameters.set("NextToken", token)
            let page: ChangeSet = try await call("DescribeChangeSet", parameters)
            return page
        } items: { [$0] } nextToken: { $0.nextToken }
        guard var changeSet = pages.first else {
            throw AWSServicesError.unexpectedResponse(operation: "DescribeChangeSet", detail: "no change set came back")
        }
        let changes = pages.flatMap { $0.changes.member }
        changeSet.changes = QueryList(changes)
        changeSet.nextToken = nil
        return changeSet
    }

    /// Starts executing a change set (ExecuteChangeSet).
    package func executeChangeSet(
        _ changeSetName: String, stackName: String? = nil, disableRollback: Bool? = nil, clientRequestToken: String? = nil
    ) async throws {
        var parameters = QueryParameters()
        parameters.set("ChangeSetName", changeSetName)
        parameters.set("StackName", stackName)
        parameters.set("DisableRollback", disableRollback)
        parameters.set("ClientRequestToken", clientRequestToken)
        try await call("ExecuteChangeSet", parameters)
    }

    /// Deletes a change set that will not be executed (DeleteChangeSet).
    package func deleteChangeSet(_ changeSetName: String, stackName: String? = nil) async throws {
        var parameters = QueryParameters()
        parameters.set("ChangeSetName", changeSetName)
        parameters.set("StackName", stackName)
        try await call("DeleteChangeSet", parameters)
    }

    /// Every change set of a stack, all pages (ListChangeSets).
    package func listChangeSets(stackName: String) async throws -> [ChangeSetSummary] {
        try await paginate(operation: "ListChangeSets") { token in
            var parameters = QueryParameters()
            parameters.set("StackName", stackName)
            parameters.set("NextToken", token)
            let page: ListChangeSetsPage = try await call("ListChangeSets", parameters)
            return page
        } items: { $0.summaries.member } nextToken: { $0.nextToken }
    }
}
