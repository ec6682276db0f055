import AWSCore
import Foundation

/// What CreateChangeSet needs: which stack, which template, with which parameters.
package struct CreateChangeSetInput: Sendable, Equatable {
    /// Whether the change set creates a new stack, updates one or imports resources.
    package enum ChangeSetType: String, Sendable {
        case create = "CREATE", update = "UPDATE", `import` = "IMPORT"
    }

    package var stackName: String
    package var changeSetName: String
    package var template: TemplateSource?
    /// Reuse the deployed template (`UsePreviousTemplate=true`) instead of `template`.
    package var usePreviousTemplate: Bool?
    package var changeSetType: ChangeSetType?
    package var parameters: [Parameter]
    /// `CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`.
    package var capabilities: [String]
    package var roleARN: String?
    package var notificationARNs: [String]
    package var tags: [Tag]
    package var description: String?
    /// Create change sets for nested stacks too.
    package var includeNestedStacks: Bool?
    /// `ROLLBACK`, `DO_NOTHING` or `DELETE`.
    package var onStackFailure: String?
    package var clientToken: String?

    /// A change set for `stackName` from `template`.
    package init(
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
package struct CreateChangeSetOutput: Decodable, Sendable, Equatable {
    /// The change set's ARN.
    package var id: String?
    /// The stack's ARN.
    package var stackId: String?

    /// An output (also for a change set found after a lost answer).
    package init(id: String?, stackId: String?) {
        self.id = id
        self.stackId = stackId
    }
}

/// A change set with all its changes (every page of DescribeChangeSet merged).
package struct ChangeSet: Decodable, Sendable {
    package var changeSetName: String?
    package var changeSetId: String?
    package var stackId: String?
    package var stackName: String?
    package var description: String?
    package var parameters: QueryList<Parameter>
    package var creationTime: Date?
    /// `UNAVAILABLE`, `AVAILABLE`, `EXECUTE_IN_PROGRESS`, `EXECUTE_COMPLETE`, `EXECUTE_FAILED`, `OBSOLETE`.
    package var executionStatus: String?
    /// `CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `DELETE_*`, `FAILED`.
    package var status: String?
    package var statusReason: String?
    package var capabilities: QueryList<String>
    package var tags: QueryList<Tag>
    package var changes: QueryList<Change>
    package var nextToken: String?
    package var includeNestedStacks: Bool?
    package var parentChangeSetId: String?
    package var rootChangeSetId: String?
}

/// One change in a change set.
package struct Change: Decodable, Sendable {
    /// Always `Resource` today.
    package var type: String?
    package var resourceChange: ResourceChange?
}

/// What a change set will do to one resource.
package struct ResourceChange: Decodable, Sendable {
    /// `Add`, `Modify`, `Remove`, `Import`, `Dynamic`, `SyncWithActual`.
    package var action: String?
    package var logicalResourceId: String?
    package var physicalResourceId: String?
    package var resourceType: String?
    /// `True`, `False` or `Conditional`.
    package var replacement: String?
    /// `Properties`, `Metadata`, `CreationPolicy`, `UpdatePolicy`, `DeletionPolicy`, `Tags`, ...
    package var scope: QueryList<String>
    package var details: QueryList<ResourceChangeDetail>
    /// For a nested stack: the ID of its own change set.
    package var changeSetId: String?
}

/// Why and how one resource changes.
package struct ResourceChangeDetail: Decodable, Sendable, Equatable {
    package var target: ResourceTargetDefinition?
    /// `Static` or `Dynamic`.
    package var evaluation: String?
    /// `ResourceReference`, `ParameterReference`, `ResourceAttribute`, `DirectModification`, `Automatic`.
    package var changeSource: String?
    package var causingEntity: String?
}

/// The part of a resource that changes.
package struct ResourceTargetDefinition: Decodable, Sendable, Equatable {
    package var attribute: String?
    package var name: String?
    /// `Never`, `Conditionally` or `Always`.
    package var requiresRecreation: String?
    package var path: String?
    package var beforeValue: String?
    package var afterValue: String?
    package var attributeChangeType: String?
}

/// One entry of ListChangeSets.
package struct ChangeSetSummary: Decodable, Sendable, Equatable {
    package var stackId: String?
    package var stackName: String?
    package var changeSetId: String?
    package var changeSetName: String?
    package var executionStatus: String?
    package var status: String?
    package var statusReason: String?
    package var creationTime: Date?
    package var description: String?
    package var includeNestedStacks: Bool?
    package var parentChangeSetId: String?
    package var rootChangeSetId: String?
}

/// One page of ListChangeSets.
struct ListChangeSetsPage: Decodable, Sendable {
    var summaries: QueryList<ChangeSetSummary>
    var nextToken: String?
}
