import AWSServices
import Foundation

/// Why an operation failed: the first real failure, not the cascade that followed it.
public struct RootCause: Sendable, Equatable, Codable {
    public var logicalID: String
    public var resourceType: String
    /// The stack the resource belongs to (a nested stack's name when it failed there).
    public var stackName: String
    public var status: String
    public var reason: String
    public var timestamp: Date

    /// A root cause.
    public init(logicalID: String, resourceType: String, stackName: String, status: String, reason: String, timestamp: Date) {
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.stackName = stackName
        self.status = status
        self.reason = reason
        self.timestamp = timestamp
    }

    /// The earliest `*_FAILED` resource event that is not a cancellation caused by another
    /// failure, preferring a nested stack's own failure over the parent's "Embedded stack ...
    /// was not successfully created". `nil` when the events show no failed resource.
    public static func find(in events: [StackEvent]) -> RootCause? {
        let failures = events
            .filter { $0.resourceStatus?.hasSuffix("_FAILED") == true && $0.physicalResourceId != $0.stackId }
            .filter { !isCascade($0.resourceStatusReason ?? "") }
            .sorted { $0.timestamp < $1.timestamp }
        let own = failures.filter { !isEmbeddedStackFailure($0.resourceStatusReason ?? "") }
        guard let event = own.first ?? failures.first else { return nil }
        return RootCause(
            logicalID: event.logicalResourceId ?? "?", resourceType: event.resourceType ?? "?",
            stackName: event.stackName, status: event.resourceStatus ?? "?",
            reason: event.resourceStatusReason ?? "(no reason given)", timestamp: event.timestamp)
    }

    /// Whether a reason only says the resource was cancelled because another one failed.
    public static func isCascade(_ reason: String) -> Bool {
        let text = reason.lowercased()
        return text.hasPrefix("resource creation cancelled") || text.hasPrefix("resource update cancelled")
            || text.hasPrefix("resource deletion cancelled") || text == "cancelled"
            || text.contains("resource handler returned message: \"cancelled")
    }

    /// Whether a reason is a parent's report of a nested stack's failure.
    public static func isEmbeddedStackFailure(_ reason: String) -> Bool {
        reason.hasPrefix("Embedded stack ") && reason.contains(" was not successfully ")
    }

    /// `Table (AWS::DynamoDB::Table) in stack app-dev: CREATE_FAILED: reason`.
    public var summary: String {
        "\(logicalID) (\(resourceType)) in stack \(stackName): \(status): \(reason)"
    }
}
