import Foundation
import Hotswap
import Reporting

/// The plan, as `ferry plan` and `ferry up` show it: the decision, every reason CloudFormation is
/// needed, the hot-swap operations, and what runs ahead of the template.
package struct DeploymentPlanEvent: FerryEvent {
    /// One code or definition change.
    package struct Operation: Sendable, Encodable {
        package let resource: String
        package let what: String
        package let physicalID: String
        package let oldHash: String?
        package let newHash: String
    }

    /// One resource running ahead of its template after a hot-swap.
    package struct Ahead: Sendable, Encodable {
        package let resource: String
        package let hash: String
        package let by: String
        package let at: String
    }

    /// `upToDate`, `hotswap` or `cloudFormation`.
    package let decision: String
    package let environment: String
    package let stackName: String
    /// Why CloudFormation must deploy (empty otherwise).
    package let reasons: [PlanReason]
    /// The code and definition changes (hot-swapped, or deployed by CloudFormation).
    package let operations: [Operation]
    /// How many code resources already run the local build.
    package let unchanged: Int
    package let aheadOfTemplate: [Ahead]
    package let notes: [String]
    /// The stacks `--stack` limited the code comparison to; empty for the whole tree.
    package let selection: [String]

    /// The event for `plan`.
    package init(plan: DeploymentPlan) {
        decision = plan.decisionName
        environment = plan.environment
        stackName = plan.stackName
        reasons = plan.reasons
        operations = (plan.code?.operations ?? []).map {
            Operation(resource: $0.target.qualifiedName, what: $0.what, physicalID: $0.physicalID, oldHash: $0.oldHash, newHash: $0.newHash)
        }
        unchanged = plan.code?.unchangedResources.count ?? 0
        aheadOfTemplate = plan.aheadOfTemplate.map { Ahead(resource: $0.qualifiedName, hash: $0.hash, by: $0.by, at: $0.at) }
        notes = plan.notes
        selection = plan.selection
    }

    package var kind: String { "plan.result" }
    package var level: EventLevel { decision == "upToDate" ? .success : .info }

    package var message: String {
        let scope = selection.isEmpty ? "" : " (--stack \(selection.joined(separator: ", ")))"
        switch decision {
        case "upToDate":
            let ahead = aheadOfTemplate.isEmpty ? "" : " (\(aheadOfTemplate.count) resource(s) run code ahead of the template)"
            return "up to date: \(stackName)\(scope) runs the local build\(ahead)"
        case "hotswap":
            return "hot-swap \(operations.count) resource(s) of \(stackName)\(scope)"
        default:
            let whole = selection.isEmpty ? "" : " (the whole root stack, not only --stack \(selection.joined(separator: ", ")))"
            return "CloudFormation deploy of \(stackName)\(whole): \(reasons.count) reason(s)"
        }
    }

    package var details: [String] {
        var lines: [String] = []
        for reason in reasons { lines.append("! \(reason.line)") }
        for operation in operations {
            let prefix = decision == "hotswap" ? "~" : "~ (with the deploy)"
            lines.append("\(prefix) \(operation.resource) (\(operation.what)): \(HashText.short(operation.oldHash)) → \(HashText.short(operation.newHash))")
        }
        for ahead in aheadOfTemplate {
            lines.append("» \(ahead.resource) runs \(HashText.short(ahead.hash)) ahead of its template (hot-swapped by \(ahead.by) at \(ahead.at))")
        }
        for note in notes { lines.append("note: \(note)") }
        return lines
    }

    enum CodingKeys: String, CodingKey {
        case decision, environment, stackName, reasons, operations, unchanged, aheadOfTemplate, notes, selection
    }
}
