import AWSCore
import Foundation

/// A stack as DescribeStacks returns it.
public struct Stack: Decodable, Sendable {
    public var stackId: String?
    public var stackName: String
    public var changeSetId: String?
    public var description: String?
    public var parameters: QueryList<Parameter>
    public var creationTime: Date
    public var deletionTime: Date?
    public var lastUpdatedTime: Date?
    public var stackStatus: StackStatus
    public var stackStatusReason: String?
    public var disableRollback: Bool?
    public var capabilities: QueryList<String>
    public var outputs: QueryList<StackOutput>
    public var roleARN: String?
    public var tags: QueryList<Tag>
    public var enableTerminationProtection: Bool?
    /// The ID of the direct parent, for a nested stack.
    public var parentId: String?
    /// The ID of the top-level stack, for a nested stack.
    public var rootId: String?
}

/// One stack output (`Outputs.member`).
public struct StackOutput: Decodable, Sendable, Equatable {
    public var outputKey: String?
    public var outputValue: String?
    public var description: String?
    public var exportName: String?
}

/// A stack or change set parameter, as sent and as returned.
public struct Parameter: Codable, Sendable, Equatable {
    public var parameterKey: String?
    public var parameterValue: String?
    public var usePreviousValue: Bool?
    /// For SSM parameter types: the value the parameter resolved to.
    public var resolvedValue: String?

    /// A parameter with a new value.
    public init(key: String, value: String) {
        parameterKey = key
        parameterValue = value
    }

    /// A parameter that keeps its previous value (`UsePreviousValue=true`).
    public init(keepingPreviousValueOf key: String) {
        parameterKey = key
        usePreviousValue = true
    }
}

/// A key-value tag on a stack.
public struct Tag: Codable, Sendable, Equatable {
    public var key: String
    public var value: String

    /// A tag.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One event from a stack's history (DescribeStackEvents), newest first on the wire.
public struct StackEvent: Decodable, Sendable, Equatable {
    public var stackId: String
    public var eventId: String
    public var stackName: String
    public var logicalResourceId: String?
    public var physicalResourceId: String?
    public var resourceType: String?
    public var timestamp: Date
    public var resourceStatus: String?
    public var resourceStatusReason: String?
    public var resourceProperties: String?
    public var clientRequestToken: String?
    public var hookType: String?
    public var hookStatus: String?
    public var hookStatusReason: String?
}

/// Where a template comes from: its text or an S3 URL.
public enum TemplateSource: Sendable, Equatable {
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
