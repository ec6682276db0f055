import AWSCore
import Foundation

/// A stack as DescribeStacks returns it.
package struct Stack: Decodable, Sendable {
    package var stackId: String?
    package var stackName: String
    package var changeSetId: String?
    package var description: String?
    package var parameters: QueryList<Parameter>
    package var creationTime: Date
    package var deletionTime: Date?
    package var lastUpdatedTime: Date?
    package var stackStatus: StackStatus
    package var stackStatusReason: String?
    package var disableRollback: Bool?
    package var capabilities: QueryList<String>
    package var outputs: QueryList<StackOutput>
    package var roleARN: String?
    package var tags: QueryList<Tag>
    package var enableTerminationProtection: Bool?
    /// The ID of the direct parent, for a nested stack.
    package var parentId: String?
    /// The ID of the top-level stack, for a nested stack.
    package var rootId: String?
}

/// One stack output (`Outputs.member`).
package struct StackOutput: Decodable, Sendable, Equatable {
    package var outputKey: String?
    package var outputValue: String?
    package var description: String?
    package var exportName: String?
}

/// A stack or change set parameter, as sent and as returned.
package struct Parameter: Codable, Sendable, Equatable {
    package var parameterKey: String?
    package var parameterValue: String?
    package var usePreviousValue: Bool?
    /// For SSM parameter types: the value the parameter resolved to.
    package var resolvedValue: String?

    /// A parameter with a new value.
    package init(key: String, value: String) {
        parameterKey = key
        parameterValue = value
    }

    /// A parameter that keeps its previous value (`UsePreviousValue=true`).
    package init(keepingPreviousValueOf key: String) {
        parameterKey = key
        usePreviousValue = true
    }
}

/// A key-value tag on a stack.
package struct Tag: Codable, Sendable, Equatable {
    package var key: String
    package var value: String

    /// A tag.
    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One event from a stack's history (DescribeStackEvents), newest first on the wire.
package struct StackEvent: Decodable, Sendable, Equatable {
    package var stackId: String
    package var eventId: String
    package var stackName: String
    package var logicalResourceId: String?
    package var physicalResourceId: String?
    package var resourceType: String?
    package var timestamp: Date
    package var resourceStatus: String?
    package var resourceStatusReason: String?
    package var resourceProperties: String?
    package var clientRequestToken: String?
    package var hookType: String?
    package var hookStatus: String?
    package var hookStatusReason: String?
}

/// Where a template comes from: its text or an S3 URL.
package enum TemplateSource: Sendable, Equatable {
    /// The template text (at most 51,200 bytes).
    case body(String)
    /// An `https://` S3 URL of the template (at most 1 MB).
    case url(String)

    func add(to parameters: inout QueryParameters) {
        switch self {
        case .body(let text): parameters.set("TemplateBody", text)
        case .url(let url): parameters.set("TemplateURL", url)
        }
    }
}

extension QueryParameters {
    /// Adds stack parameters as `Name.member.N.ParameterKey` / `ParameterValue` / `UsePreviousValue`.
    mutating func set(_ name: String, parameters: [Parameter]) {
        set(name, list: parameters) { fields, parameter in
            fields.set("ParameterKey", parameter.parameterKey)
            fields.set("ParameterValue", parameter.parameterValue)
            fields.set("UsePreviousValue", parameter.usePreviousValue)
        }
    }

    /// Adds tags as `Name.member.N.Key` / `Value`.
    mutating func set(_ name: String, tags: [Tag]) {
        set(name, list: tags) { fields, tag in
            fields.set("Key", tag.key)
            fields.set("Value", tag.value)
        }
    }
}
