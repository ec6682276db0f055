import AWSCore
import Foundation

/// One resource of a stack as ListStackResources returns it.
public struct StackResourceSummary: Decodable, Sendable, Equatable {
    public var logicalResourceId: String
    public var physicalResourceId: String?
    public var resourceType: String
    /// Always sent by AWS; the local emulator leaves it out.
    public var lastUpdatedTimestamp: Date?
    public var resourceStatus: String
    public var resourceStatusReason: String?
}

/// One resource of a stack as DescribeStackResources returns it.
public struct StackResource: Decodable, Sendable, Equatable {
    public var stackName: String?
    public var stackId: String?
    public var logicalResourceId: String
    public var physicalResourceId: String?
    public var resourceType: String
    public var timestamp: Date
    public var resourceStatus: String
    public var resourceStatusReason: String?
    public var description: String?
}

/// One resource with its metadata, as DescribeStackResource returns it.
public struct StackResourceDetail: Decodable, Sendable, Equatable {
    public var stackName: String?
    public var stackId: String?
    public var logicalResourceId: String
    public var physicalResourceId: String?
    public var resourceType: String
    /// Always sent by AWS; the local emulator leaves it out.
    public var lastUpdatedTimestamp: Date?
    public var resourceStatus: String
    public var resourceStatusReason: String?
    public var description: String?
    /// The resource's `Metadata` attribute as JSON text.
    public var metadata: String?
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
