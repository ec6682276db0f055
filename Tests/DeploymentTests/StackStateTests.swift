import AWSServices
import Deployment
import Testing

@Suite struct StackStateTests {
    private let dev = DeployPreparation.Rules(recreateFailedCreate: true, waitForOtherOperation: true, environmentName: "dev")
    private let prod = DeployPreparation.Rules(recreateFailedCreate: false, waitForOtherOperation: false, environmentName: "prod")

    @Test(arguments: [
        ("CREATE_COMPLETE", DeployPreparation.update), ("UPDATE_COMPLETE", .update), ("UPDATE_ROLLBACK_COMPLETE", .update),
        ("IMPORT_COMPLETE", .update), ("REVIEW_IN_PROGRESS", .create), ("DELETE_COMPLETE", .create),
        ("ROLLBACK_COMPLETE", .recreate),
        ("UPDATE_IN_PROGRESS", .wait(.updateInProgress)), ("CREATE_IN_PROGRESS", .wait(.createInProgress)),
        ("UPDATE_ROLLBACK_IN_PROGRESS", .wait(.updateRollbackInProgress)), ("DELETE_IN_PROGRESS", .wait(.deleteInProgress)),
        ("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", .wait(.updateCompleteCleanupInProgress)),
    ])
    func devEnvironment(status: String, expected: DeployPreparation) {
        #expect(DeployPreparation.decide(StackState(status: StackStatus(rawValue: status)), stackName: "app-dev", rules: dev) == expected)
    }

    @Test func aMissingStackIsCreated() {
        #expect(StackState(stack: nil) == .absent)
        #expect(DeployPreparation.decide(.absent, stackName: "app", rules: prod) == .create)
        #expect(!StackState.reviewInProgress.exists)
        #expect(StackState.ready(.createComplete).exists)
    }

    @Test func productionRefusesToDeleteAFailedCreateAndNamesTheCommand() throws {
        let decision = DeployPreparation.decide(.rollbackComplete, stackName: "app-prod", rules: prod)
        guard case .refuse(let reason, let command) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(reason.contains("ROLLBACK_COMPLETE"))
        #expect(command == "aws cloudformation delete-stack --stack-name app-prod && ferry deploy --env prod")
    }

    @Test func noWaitRefusesABusyStack() {
        let decision = DeployPreparation.decide(.inProgress(.updateInProgress), stackName: "app-prod", rules: prod)
        guard case .refuse(let reason, _) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(reason.contains("UPDATE_IN_PROGRESS"))
    }

    @Test func updateRollbackFailedOffersContinueRollback() {
        let state = StackState(status: .updateRollbackFailed)
        #expect(state == .updateRollbackFailed)
        #expect(DeployPreparation.decide(state, stackName: "app", rules: dev)
                == .refuse(reason: "stack app is in UPDATE_ROLLBACK_FAILED: its last update could not be rolled back",
                           command: "ferry deploy --env dev --continue-rollback"))
    }

    @Test(arguments: ["DELETE_FAILED", "ROLLBACK_FAILED", "CREATE_FAILED", "IMPORT_ROLLBACK_FAILED"])
    func otherFailedStatesAreRefused(status: String) {
        let state = StackState(status: StackStatus(rawValue: status))
        #expect(state == .failed(StackStatus(rawValue: status)))
        if case .refuse = DeployPreparation.decide(state, stackName: "app", rules: dev) {} else {
            Issue.record("\(status) must be refused")
        }
    }
}
