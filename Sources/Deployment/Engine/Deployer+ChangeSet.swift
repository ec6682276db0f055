import AWSCore
import AWSServices
import Foundation
import Reporting

/// A change set that CloudFormation finished computing, with its report.
struct CreatedChangeSet: Sendable {
    var changeSetID: String
    var changeSetName: String
    var stackID: String
    var report: ChangeSetReport
}

extension Deployer {
    /// Whether a change set's status reason says there is nothing to change (both shapes AWS uses).
    package static func isNoChanges(_ reason: String) -> Bool {
        reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
    }

    /// Creates the change set and waits until it is computed; nil when there is nothing to change
    /// (the empty change set is deleted).
    func createChangeSet(_ input: CreateChangeSetInput) async throws -> CreatedChangeSet? {
        var output: CreateChangeSetOutput
        do {
            output = try await cloudFormation.createChangeSet(input)
        } catch where CloudFormation.isNoUpdates(error) {
            return nil
        } catch where CloudFormation.isAlreadyExists(error) {
            // The change set's name is unique to this deploy: an earlier attempt of this call
            // created it and its answer was lost. Continue with that change set.
            let existing = try await cloudFormation.describeChangeSet(input.changeSetName, stackName: input.stackName)
            output = CreateChangeSetOutput(id: existing.changeSetId, stackId: existing.stackId)
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
                if input.changeSetType == .create, let stack = output.stackId ?? changeSet.stackId {
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
    ///
    /// A change set whose execution already started is ours: the change set was made by this
    /// deploy under a unique name, so an `InvalidChangeSetStatus` that says `EXECUTE_IN_PROGRESS`,
    /// `EXECUTE_COMPLETE` or `EXECUTE_FAILED` means an earlier attempt of this call reached
    /// CloudFormation and its answer was lost. The deploy then follows the stack's events as usual
    /// and reports the real outcome.
    func executeWhenAvailable(_ created: CreatedChangeSet, token: String) async throws {
        var attempts = 0
        while true {
            do {
                try await cloudFormation.executeChangeSet(created.changeSetID, clientRequestToken: token)
                return
            } catch where CloudFormation.isInvalidChangeSetStatus(error) {
                if let status = try? await cloudFormation.describeChangeSet(created.changeSetID).executionStatus,
                   Self.executionStarted.contains(status) {
                    sink.emit(DeployStepEvent("executeRetried", "change set \(created.changeSetName) is already \(status): "
                        + "an earlier ExecuteChangeSet reached CloudFormation (its answer was lost); following the stack", level: .debug))
                    return
                }
                guard attempts < 10 else { throw error }
                attempts += 1
                try await Task.sleep(for: timing.changeSetPoll)
            }
        }
    }

    /// Execution statuses that mean ExecuteChangeSet was accepted.
    static let executionStarted: Set<String> = ["EXECUTE_IN_PROGRESS", "EXECUTE_COMPLETE", "EXECUTE_FAILED"]

    /// Deletes an unexecuted change set, and the empty stack a CREATE change set made.
    func discard(_ changeSetID: String, createdStack: String?) async throws {
        try await cloudFormation.deleteChangeSet(changeSetID)
        if let createdStack {
            try? await cloudFormation.deleteStack(createdStack)
        }
    }
}
