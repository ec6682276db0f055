import AWSServices
import Foundation
import Reporting

extension Deployer {
    /// Brings the stack into a state a change set can be created for: waits for another
    /// operation, deletes a failed first create where allowed, or refuses with the command to run.
    /// Returns the stack as it is then (nil when absent).
    func prepareStack(_ request: DeployRequest) async throws -> Stack? {
        var stack = try await cloudFormation.describeStack(request.stackName)
        var waitedFor: StackStatus?
        while true {
            let state = StackState(stack: stack)
            switch DeployPreparation.decide(state, stackName: request.stackName, rules: request.rules) {
            case .create, .update:
                return stack
            case .wait(let status):
                if waitedFor != status {
                    sink.emit(DeployStepEvent("waiting", "stack \(request.stackName) is \(status.rawValue): waiting for that operation to finish"))
                    waitedFor = status
                }
                try await Task.sleep(for: timing.stackPoll)
                stack = try await cloudFormation.describeStack(stack?.stackId ?? request.stackName)
                if stack?.stackStatus == .deleteComplete { stack = nil }
            case .recreate:
                sink.emit(DeployStepEvent(
                    "recreate", "stack \(request.stackName) is ROLLBACK_COMPLETE (its first create failed): deleting it to create it again",
                    level: .warning))
                let id = stack?.stackId ?? request.stackName
                try await cloudFormation.deleteStack(id, roleARN: request.roleARN)
                stack = try await waitForDeletion(id)
                if stack == nil { sink.emit(DeployStepEvent("deleted", "deleted the failed stack \(request.stackName)")) }
            case .refuse(let reason, let command):
                throw DeploymentError.refused(reason, command: command)
            }
        }
    }

    /// Polls a stack (by ID) until it is gone; returns it if its deletion failed.
    private func waitForDeletion(_ stackID: String) async throws -> Stack? {
        while true {
            let stack = try await cloudFormation.describeStack(stackID)
            guard let stack, stack.stackStatus != .deleteComplete else { return nil }
            if !stack.stackStatus.isInProgress { return stack }
            try await Task.sleep(for: timing.stackPoll)
        }
    }

    /// Turns termination protection on when the environment asks for it and it is off. The
    /// deploy itself succeeded, so a refusal is a warning with the command to run, not a failure.
    func protectIfAsked(_ request: DeployRequest, stack: Stack?) async throws {
        guard request.terminationProtection, let stack, stack.enableTerminationProtection != true else { return }
        do {
            try await cloudFormation.updateTerminationProtection(stack.stackId ?? request.stackName, enabled: true)
            sink.emit(DeployStepEvent("terminationProtection", "termination protection turned on for stack \(request.stackName)"))
        } catch {
            sink.emit(DeployStepEvent(
                "terminationProtection", "could not turn on termination protection for stack \(request.stackName): \(error)",
                level: .warning,
                details: ["run: aws cloudformation update-termination-protection --enable-termination-protection --stack-name \(request.stackName)"]))
        }
    }

    /// `ferry deploy --cancel`: cancels the update in progress (CancelUpdateStack) and follows
    /// the rollback to its end. Returns the final status.
    package func cancelUpdate(stackName: String) async throws -> StackStatus {
        guard let stack = try await cloudFormation.describeStack(stackName) else {
            throw DeploymentError.refused("stack \(stackName) does not exist: nothing to cancel", command: nil)
        }
        guard stack.stackStatus == .updateInProgress else {
            throw DeploymentError.refused(
                "stack \(stackName) is \(stack.stackStatus.rawValue): only an update in progress (UPDATE_IN_PROGRESS) can be cancelled",
                command: nil)
        }
        try await cloudFormation.cancelUpdateStack(stackName)
        sink.emit(DeployStepEvent("cancel", "asked CloudFormation to cancel the update of stack \(stackName); it rolls back"))
        return try await settle(stack.stackId ?? stackName)
    }

    /// `ferry deploy --continue-rollback`: continues the rollback of a stack in
    /// `UPDATE_ROLLBACK_FAILED` and waits for it. Returns the final status.
    package func continueRollback(stackName: String, resourcesToSkip: [String] = [], roleARN: String? = nil) async throws -> StackStatus {
        guard let stack = try await cloudFormation.describeStack(stackName) else {
            throw DeploymentError.refused("stack \(stackName) does not exist", command: nil)
        }
        guard stack.stackStatus == .updateRollbackFailed else {
            throw DeploymentError.refused(
                "stack \(stackName) is \(stack.stackStatus.rawValue), not UPDATE_ROLLBACK_FAILED: there is no rollback to continue",
                command: nil)
        }
        try await cloudFormation.continueUpdateRollback(stackName, resourcesToSkip: resourcesToSkip, roleARN: roleARN)
        sink.emit(DeployStepEvent("continueRollback", "continuing the rollback of stack \(stackName)"))
        return try await settle(stack.stackId ?? stackName)
    }

    /// Polls until the stack is no longer in progress; returns its status.
    private func settle(_ stackID: String) async throws -> StackStatus {
        while true {
            guard let stack = try await cloudFormation.describeStack(stackID) else { return .deleteComplete }
            if !stack.stackStatus.isInProgress { return stack.stackStatus }
            try await Task.sleep(for: timing.stackPoll)
        }
    }
}
