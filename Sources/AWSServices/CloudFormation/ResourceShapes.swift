import AWSCore
import Foundation

/// One resource of a stack as ListStackResources returns it.
package struct StackResourceSummary: Decodable, Sendable, Equatable {
    package var logicalResourceId: String
    package var physicalResourceId: String?
    package var resourceType: String
    /// Always sent by AWS; the local emulator leaves it out.
    package var lastUpdatedTimestamp: Date?
    package var resourceStatus: String
    package var resourceStatusReason: String?
}

/// One resource of a stack as DescribeStackResources returns it.
package struct StackResource: Decodable, Sendable, Equatable {
    package var stackName: String?
    package var stackId: String?
    package var logicalResourceId: String
    package var physicalResourceId: String?
    package var resourceType: String
    package var timestamp: Date
    package var resourceStatus: String
    package var resourceStatusReason: String?
    package var description: String?
}

/// One resource with its metadata, as DescribeStackResource returns it.
package struct StackResourceDetail: Decodable, Sendable, Equatable {
    package var stackName: String?
    package var stackId: String?
    package var logicalResourceId: String
    package var physicalResourceId: String?
    package var resourceType: String
    /// Always sent by AWS; the local emulator leaves it out.
    package var lastUpdatedTimestamp: Date?
    package var resourceStatus: String
    package var resourceStatusReason: String?
    package var description: String?
    /// The resource's `Metadata` attribute as JSON text.
    package var metadata: String?
}

struct DescribeStacksPage: Decodable, Sendable {
    var stacks: QueryList<Stack>
    var nextToken: String?
}

struct DescribeStackEventsPage: Decodable, Sendable {
    var stackEvents: QueryList<StackEvent>
    var nextToken: String?
}

struct ListStackResourcesPage: Decodable, Sendable {
    var stackResourceSummaries: QueryList<StackResourceSummary>
    var nextToken: String?
}

struct DescribeStackResourceResult: Decodable, Sendable {
    var stackResourceDetail: StackResourceDetail
}

struct DescribeStackResourcesResult: Decodable, Sendable {
    var stackResources: QueryList<StackResource>
}
