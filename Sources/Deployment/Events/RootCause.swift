import AWSServices
import Foundation

/// Why an operation failed: the first real failure, not the cascade that followed it.
package struct RootCause: Sendable, Equatable, Codable {
    package var logicalID: String
    package var resourceType: String
    /// The stack the resource belongs to (a nested stack's name when it failed there).
    package var stackName: String
    package var status: String
    package var reason: String
    package var timestamp: Date

    /// A root cause.
    package init(logicalID: String, resourceType: String, stackName: String, status: String, reason: String, timestamp: Date) {
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.stackName = stackName
        self.status = status
        self.reason = reason
        self.timestamp = timestamp
    }

    /// The earliest `*_FAILED` resource event that is not a cancellation caused by another
    /// failure, preferring a nested stack's own failure over the parent's "Embedded stack ...
    /// was not successfully created". When no resource failed, the stack's own event with a
    /// reason of its own (a `ROLLBACK_IN_PROGRESS` saying "Transform ... failed", a template or
    /// parameter error) is the cause. `nil` when the events show no failure at all.
    package static func find(in events: [StackEvent]) -> RootCause? {
        let failures = events
            .filter { $0.resourceStatus?.hasSuffix("_FAILED") == true && $0.physicalResourceId != $0.stackId }
            .filter { !isCascade($0.resourceStatusReason ?? "") }
            .sorted { $0.timestamp < $1.timestamp }
        let own = failures.filter { !isEmbeddedStackFailure($0.resourceStatusReason ?? "") }
        guard let event = own.first ?? failures.first ?? stackLevelFailure(in: events) else { return nil }
        return RootCause(
            logicalID: event.logicalResourceId ?? "?", resourceType: event.resourceType ?? "?",
            stackName: event.stackName, status: event.resourceStatus ?? "?",
            reason: event.resourceStatusReason ?? "(no reason given)", timestamp: event.timestamp)
    }

    /// The earliest stack-level event (`ROLLBACK_IN_PROGRESS`, `UPDATE_ROLLBACK_IN_PROGRESS`,
    /// `*_FAILED` of the stack itself) whose reason is its own, not a summary of failed resources.
    static func stackLevelFailure(in events: [StackEvent]) -> StackEvent? {
        events
            .filter { event in
                guard event.physicalResourceId == event.stackId, let status = event.resourceStatus,
                      status.hasSuffix("ROLLBACK_IN_PROGRESS") || status.hasSuffix("_FAILED"),
                      let reason = event.resourceStatusReason?.trimmingCharacters(in: .whitespaces), !reason.isEmpty
                else { return false }
                return !isResourceSummary(reason) && !isCascade(reason)
            }
            .sorted { $0.timestamp < $1.timestamp }
            .first
    }

    /// Whether a stack-level reason only points at failed resources (or at the user).
    package static func isResourceSummary(_ reason: String) -> Bool {
        reason.hasPrefix("The following resource(s) failed to ") || reason == "User Initiated"
            || reason.hasPrefix("Resource creation cancelled") || isEmbeddedStackFailure(reason)
    }

    /// Whether a reason only says the resource was cancelled because another one failed.
    package static func isCascade(_ reason: String) -> Bool {
        let text = reason.lowercased()
        return text.hasPrefix("resource creation cancelled") || text.hasPrefix("resource update cancelled")
            || text.hasPrefix("resource deletion cancelled") || text == "cancelled"
            || text.contains("resource handler returned message: \"cancelled")
    }

    /// Whether a reason is a parent's report of a nested stack's failure.
    package static func isEmbeddedStackFailure(_ reason: String) -> Bool {
        reason.hasPrefix("Embedded stack ") && reason.contains(" was not successfully ")
    }

    /// `Table (AWS::DynamoDB::Table) in stack app-dev: CREATE_FAILED: reason`.
    package var summary: String {
        "\(logicalID) (\(resourceType)) in stack \(stackName): \(status): \(reason)"
    }
}
