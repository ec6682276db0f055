import AWSCore
import AWSServices
import Foundation

/// A change set that CloudFormation finished computing, with its report.
struct CreatedChangeSet: Sendable {
    var changeSetID: String
    var changeSetName: String
    var stackID: String
    var report: ChangeSetReport
}

extension Deployer {
    /// Whether a change set's status reason says there is nothing to change (both shapes AWS uses).
    public static func isNoChanges(_ reason: String) -> Bool {
        reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
    }

    /// Creates the change set and waits until it is computed; nil when there is nothing to change
    /// (the empty change set is deleted).
    func createChangeSet(_ input: CreateChangeSetInput) async throws -> CreatedChangeSet? {
        let output: CreateChangeSetOutput
        do {
            output = try await cloudFormation.createChangeSet(input)
        } catch where CloudFormation.isNoUpdates(error) {
            return nil
        }
        let id = output.id ?? input.changeSetName
        var changeSet = try await cloudFormation.describeChangeSet(id, stackName: input.stackName)
        while ["CREATE_PENDING", "CREATE_IN_PROGRESS"].contains(changeSet.status ?? "") {
            try await Task.sleep(for: timing.changeSetPoll)
            changeSet = try await cloudFormation.describeChangeSet(id, stackName: input.stackName)
        }
        if changeSet.status == "FAILED" {
            let reason = changeSet.statusReason ?? "(no reason given)"
            if Self.isNoChanges(reason) {
                try? await cloudFormation.deleteChangeSet(id, stackName: input.stackName)
                if input.changeSetType == .create, let stack = output.stackId {
                    try? await cloudFormation.deleteStack(stack)
                }
                return nil
            }
            try? await cloudFormation.deleteChangeSet(id, stackName: input.stackName)
            throw DeploymentError.changeSetFailed(stack: input.stackName, reason: reason)
        }
        let nested = try await nestedChangeSets(of: changeSet)
        let report = ChangeSetReport.build(root: changeSet, stackName: input.stackName, nested: nested)
        return CreatedChangeSet(
            changeSetID: changeSet.changeSetId ?? id, changeSetName: input.changeSetName,
            stackID: changeSet.stackId ?? output.stackId ?? input.stackName, report: report)
    }

    /// The nested change sets named by `AWS::CloudFormation::Stack` changes, recursively.
    private func nestedChangeSets(of root: ChangeSet) async throws -> [String: ChangeSet] {
        var found: [String: ChangeSet] = [:]
        var pending = [root]
        while let changeSet = pending.popLast() {
            for change in changeSet.changes.member.compactMap(\.resourceChange)
            where change.resourceType == "AWS::CloudFormation::Stack" {
                guard let id = change.changeSetId, found[id] == nil,
                      let child = try? await cloudFormation.describeChangeSet(id) else { continue }
                found[id] = child
                pending.append(child)
            }
        }
        return found
    }

    /// Executes a change set, retrying briefly while CloudFormation still says it is not available.
    func executeWhenAvailable(_ created: CreatedChangeSet, token: String) async throws {
        var attempts = 0
        while true {
            do {
                try await cloudFormation.executeChangeSet(created.changeSetID, clientRequestToken: token)
                return
            } catch let error as AWSError where error.code == "InvalidChangeSetStatus" && attempts < 10 {
                attempts += 1
                try await Task.sleep(for: timing.changeSetPoll)
            }
        }
    }

    /// Deletes an unexecuted change set, and the empty stack a CREATE change set made.
    func discard(_ changeSetID: String, createdStack: String?) async throws {
        try await cloudFormation.deleteChangeSet(changeSetID)
        if let createdStack {
            try? await cloudFormation.deleteStack(createdStack)
        }
    }
}
