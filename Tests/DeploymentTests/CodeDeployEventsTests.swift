import AWSServices
import Deployment
import Foundation
import Testing

@Suite("CodeDeploy events")
struct CodeDeployEventsTests {
    private func target(weight: Double, events: [(String, String)], diagnostics: String? = nil) -> LambdaTarget {
        LambdaTarget(
            targetId: "orders:live", status: "InProgress",
            lifecycleEvents: events.map { name, status in
                LifecycleEvent(lifecycleEventName: name, status: status,
                               diagnostics: status == "Failed" ? LifecycleEventDiagnostics(errorCode: "ScriptFailed", message: diagnostics) : nil)
            },
            lambdaFunctionInfo: LambdaFunctionInfo(functionName: "orders", functionAlias: "live", currentVersion: "3",
                                                   targetVersion: "4", targetVersionWeight: weight))
    }

    @Test("progress names the alias, the versions, the traffic and the lifecycle event in progress")
    func progress() {
        let deployment = DeploymentInfo(deploymentId: "d-ABC", status: "InProgress",
                                        deploymentConfigName: "CodeDeployDefault.LambdaCanary10Percent5Minutes")
        let event = CodeDeployProgressEvent(
            stackName: "shop", deployment: deployment,
            targets: [target(weight: 0.1, events: [("BeforeAllowTraffic", "Succeeded"), ("AllowTraffic", "InProgress"), ("AfterAllowTraffic", "Pending")])])
        #expect(event.kind == "deploy.codeDeploy")
        #expect(event.message == "CodeDeploy d-ABC InProgress (CodeDeployDefault.LambdaCanary10Percent5Minutes): orders:live 3 → 4, 10% on the new version, AllowTraffic InProgress")
        #expect(event.details == ["BeforeAllowTraffic Succeeded, AllowTraffic InProgress, AfterAllowTraffic Pending"])
        #expect(event.level == .info)
        #expect(!event.isFinished)
    }

    @Test("a failed deployment is an error with its code, and equal looks are equal events")
    func failed() {
        var deployment = DeploymentInfo(deploymentId: "d-ABC", status: "Failed",
                                        errorInformation: DeploymentErrorInformation(code: "ALARM_ACTIVE", message: "Activated alarms: orders-errors"))
        deployment.rollbackInfo = nil
        let targets = [target(weight: 0, events: [("BeforeAllowTraffic", "Succeeded"), ("AllowTraffic", "Failed"), ("AfterAllowTraffic", "Skipped")],
                              diagnostics: "Activated alarms: orders-errors")]
        let event = CodeDeployProgressEvent(stackName: "shop", deployment: deployment, targets: targets)
        #expect(event.level == .error)
        #expect(event.isFinished)
        #expect(event.details.last == "ALARM_ACTIVE: Activated alarms: orders-errors")
        #expect(event == CodeDeployProgressEvent(stackName: "shop", deployment: deployment, targets: targets))

        let cause = CodeDeployRootCauseEvent(deployment: deployment, targets: targets)
        #expect(cause.message == "root cause: CodeDeploy deployment d-ABC of orders:live failed — ALARM_ACTIVE")
        #expect(cause.details == ["Activated alarms: orders-errors", "AllowTraffic failed — ScriptFailed: Activated alarms: orders-errors"])
    }
}
