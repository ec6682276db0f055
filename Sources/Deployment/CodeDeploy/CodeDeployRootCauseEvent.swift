import AWSServices
import Foundation
import Reporting

/// Why a CodeDeploy deployment that CloudFormation started failed: CodeDeploy's error code and
/// message (an alarm that fired, a hook that failed), the lifecycle event that failed with its
/// diagnostics, and what was rolled back. Shown after the stack's own root cause.
package struct CodeDeployRootCauseEvent: FerryEvent, Equatable {
    package let deploymentID: String
    /// CodeDeploy's error code (`ALARM_ACTIVE`, `HOOK_EXECUTION_FAILURE`, ...).
    package let code: String?
    package let reason: String?
    /// `function:alias` of each target that failed.
    package let aliases: [String]
    /// `AllowTraffic: message` for each failed lifecycle event.
    package let failedLifecycleEvents: [String]
    package let rollback: String?

    /// The cause of `deployment`'s failure, from it and its Lambda `targets`.
    package init(deployment: DeploymentInfo, targets: [LambdaTarget]) {
        deploymentID = deployment.deploymentId
        code = deployment.errorInformation?.code
        reason = deployment.errorInformation?.message
        rollback = deployment.rollbackInfo?.rollbackMessage
        let failed = targets.filter { target in (target.lifecycleEvents ?? []).contains { $0.status == "Failed" } }
        aliases = failed.map { target in
            let info = target.lambdaFunctionInfo
            return [info?.functionName, info?.functionAlias].compactMap { $0 }.joined(separator: ":")
        }
        failedLifecycleEvents = targets.flatMap { target in
            (target.lifecycleEvents ?? []).filter { $0.status == "Failed" }.map { event in
                let why = [event.diagnostics?.errorCode, event.diagnostics?.message].compactMap { $0 }.joined(separator: ": ")
                return "\(event.lifecycleEventName ?? "?") failed" + (why.isEmpty ? "" : " — \(why)")
            }
        }
    }

    package var kind: String { "deploy.codeDeployRootCause" }
    package var level: EventLevel { .error }

    package var message: String {
        let what = aliases.isEmpty ? "" : " of \(aliases.joined(separator: ", "))"
        return "root cause: CodeDeploy deployment \(deploymentID)\(what) failed" + (code.map { " — \($0)" } ?? "")
    }

    package var details: [String] {
        var lines: [String] = []
        if let reason, !reason.isEmpty { lines.append(reason) }
        lines += failedLifecycleEvents
        if let rollback, !rollback.isEmpty { lines.append("rollback: \(rollback)") }
        return lines
    }
}
