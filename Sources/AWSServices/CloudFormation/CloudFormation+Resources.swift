import AWSCore
import Foundation

extension CloudFormation {
    /// A stack's events, newest first (DescribeStackEvents), following pages until `isOlderThanNeeded`
    /// returns `true` for an event on a page or the history ends.
    ///
    /// - Parameter isOlderThanNeeded: return `true` for an event the caller already has (for example,
    ///   the last event seen, or the one that began the current operation): later pages are not read.
    ///   Events from the page it is on are still returned; filter them as needed.
    package func describeStackEvents(
        _ stackName: String, stopAt isOlderThanNeeded: (StackEvent) -> Bool = { _ in false }
    ) async throws -> [StackEvent] {
        try await paginate(operation: "DescribeStackEvents") { token in
            var parameters = QueryParameters()
            parameters.set("StackName", stackName)
            parameters.set("NextToken", token)
            let page: DescribeStackEventsPage = try await call("DescribeStackEvents", parameters)
            return page
        } items: { $0.stackEvents.member } nextToken: { $0.nextToken } stopAfter: { page in
            page.stackEvents.member.contains(where: isOlderThanNeeded)
        }
    }

    /// Every resource of a stack with its physical ID and status, all pages (ListStackResources).
    package func listStackResources(_ stackName: String) async throws -> [StackResourceSummary] {
        try await paginate(operation: "ListStackResources") { token in
            var parameters = QueryParameters()
            parameters.set("StackName", stackName)
            parameters.set("NextToken", token)
            let page: ListStackResourcesPage = try await call("ListStackResources", parameters)
            return page
        } items: { $0.stackResourceSummaries.member } nextToken: { $0.nextToken }
    }

    /// One resource of a stack with its metadata (DescribeStackResource).
    package func describeStackResource(_ stackName: String, logicalResourceId: String) async throws -> StackResourceDetail {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("LogicalResourceId", logicalResourceId)
        let result: DescribeStackResourceResult = try await call("DescribeStackResource", parameters)
        return result.stackResourceDetail
    }

    /// The resources of a stack (at most 100), or the stack owning a physical resource
    /// (DescribeStackResources).
    package func describeStackResources(
        stackName: String? = nil, logicalResourceId: String? = nil, physicalResourceId: String? = nil
    ) async throws -> [StackResource] {
        var parameters = QueryParameters()
        parameters.set("StackName", stackName)
        parameters.set("LogicalResourceId", logicalResourceId)
        parameters.set("PhysicalResourceId", physicalResourceId)
        let result: DescribeStackResourcesResult = try await call("DescribeStackResources", parameters)
        return result.stackResources.member
    }
}
