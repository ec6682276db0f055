import AWSCore
import Foundation

/// What CreateChangeSet needs: which stack, which template, with which parameters.
public struct CreateChangeSetInput: Sendable, Equatable {
    /// Whether the change set creates a new stack, updates one or imports resources.
    public enum ChangeSetType: String, Sendable {
        case create = "CREATE", update = "UPDATE", `import` = "IMPORT"
    }

    public var stackName: String
    public var changeSetName: String
    public var template: TemplateSource?
    /// Reuse the deployed template (`UsePreviousTemplate=true`) instead of `template`.
    public var usePreviousTemplate: Bool?
    public var changeSetType: ChangeSetType?
    public var parameters: [Parameter]
    /// `CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`.
    public var capabilities: [String]
    public var roleARN: String?
    public var notificationARNs: [String]
    public var tags: [Tag]
    public var description: String?
    /// Create change sets for nested stacks too.
    public var includeNestedStacks: Bool?
    /// `ROLLBACK`, `DO_NOTHING` or `DELETE`.
    public var onStackFailure: String?
    public var clientToken: String?

    /// A change set for `stackName` from `template`.
    public init(
        stackName: String, changeSetName: String, template: TemplateSource?, changeSetType: ChangeSetType? = nil,
        parameters: [Parameter] = [], capabilities: [String] = [], tags: [Tag] = []
    ) {
        self.stackName = stackName
        self.changeSetName = changeSetName
        self.template = template
        self.changeSetType = changeSetType
        self.parameters = parameters
        self.capabilities = capabilities
        self.notificationARNs = []
        self.tags = tags
    }

    /// The flattened query parameters.
    var queryParameters: [String: String] {
        var query = QueryParameters()
        query.set("StackName", stackName)
        query.set("ChangeSetName", changeSetName)
        template?.add(to: &query)
        query.set("UsePreviousTemplate", usePreviousTemplate)
        query.set("ChangeSetType", changeSetType?.rawValue)
        query.set("Parameters", parameters: parameters)
        query.set("Capabilities", list: capabilities)
        query.set("RoleARN", roleARN)
        query.set("NotificationARNs", list: notificationARNs)
        query.set("Tags", tags: tags)
        query.set("Description", description)
        query.set("IncludeNestedStacks", includeNestedStacks)
        query.set("OnStackFailure", onStackFailure)
        query.set("ClientToken", clientToken)
        return query.values
    }
}

/// The answer of CreateChangeSet.
public struct CreateChangeSetOutput: Decodable, Sendable, Equatable {
    /// The change set's ARN.
    public var id: String?
    /// The stack's ARN.
    public var stackId: String?

    /// An output (also for a change set found after a lost answer).
    public init(id: String?, stackId: String?) {
        self.id = id
        self.stackId = stackId
    }
}

/// A change set with all its changes (every page of DescribeChangeSet merged).
public struct ChangeSet: Decodable, Sendable {
    public var changeSetName: String?
    public var changeSetId: String?
    public var stackId: String?
    public var stackName: String?
    public var description: String?
    public var parameters: QueryList<Parameter>
    public var creationTime: Date?
    /// `UNAVAILABLE`, `AVAILABLE`, `EXECUTE_IN_PROGRESS`, `EXECUTE_COMPLETE`, `EXECUTE_FAILED`, `OBSOLETE`.
    public var executionStatus: String?
    /// `CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `DELETE_*`, `FAILED`.
    public var status: String?
    public var statusReason: String?
    public var capabilities: QueryList<String>
    public var tags: QueryList<Tag>
    public var changes: QueryList<Change>
    public var nextToken: String?
    public var includeNestedStacks: Bool?
    public var parentChangeSetId: String?
    public var rootChangeSetId: String?
}

/// One change in a change set.
public struct Change: Decodable, Sendable {
    /// Always `Resource` today.
    public var type: String?
    public var resourceChange: ResourceChange?
}

/// What a change set will do to one resource.
public struct ResourceChange: Decodable, Sendable {
    /// `Add`, `Modify`, `Remove`, `Import`, `Dynamic`, `SyncWithActual`.
    public var action: String?
    public var logicalResourceId: String?
    public var physicalResourceId: String?
    public var resourceType: String?
    /// `True`, `False` or `Conditional`.
    public var replacement: String?
    /// `Properties`, `Metadata`, `CreationPolicy`, `UpdatePolicy`, `DeletionPolicy`, `Tags`, ...
    public var scope: QueryList<String>
    public var details: QueryList<ResourceChangeDetail>
    /// For a nested stack: the ID of its own change set.
    public var changeSetId: String?
}

/// Why and how one resource changes.
public struct ResourceChangeDetail: Decodable, Sendable, Equatable {
    public var target: ResourceTargetDefinition?
    /// `Static` or `Dynamic`.
    public var evaluation: String?
    /// `ResourceReference`, `ParameterReference`, `ResourceAttribute`, `DirectModification`, `Automatic`.
    public var changeSource: String?
    public var causingEntity: String?
}

/// The part of a resource that changes.
public struct ResourceTargetDefinition: Decodable, Sendable, Equatable {
    public var attribute: String?
    public var name: String?
    /// `Never`, `Conditionally` or `Always`.
    public var requiresRecreation: String?
    public var path: String?
    public var beforeValue: String?
    public var afterValue: String?
    public var attributeChangeType: String?
}

/// One entry of ListChangeSets.
public struct ChangeSetSummary: Decodable, Sendable, Equatable {
    public var stackId: String?
    public var stackName: String?
    public var changeSetId: String?
    public var changeSetName: String?
    public var executionStatus: String?
    public var status: String?
    public var statusReason: String?
    public var creationTime: Date?
    public var description: String?
    public var includeNestedStacks: Bool?
    public var parentChangeSetId: String?
    public var rootChangeSetId: String?
}

/// One page of ListChangeSets.
struct ListChangeSetsPage: Decodable, Sendable {
    var summaries: QueryList<ChangeSetSummary>
    var nextToken: String?
}
