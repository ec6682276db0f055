import AWSServices
import Foundation
import Reporting

/// Where a CodeDeploy deployment that CloudFormation started (SAM's `DeploymentPreference`) is:
/// its status, and for each alias it shifts the lifecycle events and the traffic on the new version.
package struct CodeDeployProgressEvent: FerryEvent, Equatable {
    /// One alias the deployment shifts.
    package struct Target: Sendable, Encodable, Equatable {
        /// `function:alias`.
        package let alias: String
        package let currentVersion: String?
        package let targetVersion: String?
        /// Percent of the alias's traffic on the target version.
        package let percent: Int?
        /// Lifecycle events in order, as `name status` pairs.
        package let lifecycleEvents: [LifecycleEventState]
    }

    /// A lifecycle event's name and status.
    package struct LifecycleEventState: Sendable, Encodable, Equatable {
        package let name: String
        package let status: String
    }

    package let stackName: String
    package let deploymentID: String
    /// CodeDeploy's status: `Created`, `InProgress`, `Succeeded`, `Failed`, `Stopped`, ...
    package let status: String
    /// The deployment config (`CodeDeployDefault.LambdaCanary10Percent5Minutes`).
    package let deploymentConfig: String?
    package let targets: [Target]
    /// `CODE: message` when the deployment failed.
    package let error: String?

    /// The progress of `deployment` with its Lambda `targets`.
    package init(stackName: String, deployment: DeploymentInfo, targets: [LambdaTarget]) {
        self.stackName = stackName
        deploymentID = deployment.deploymentId
        status = deployment.status ?? "Unknown"
        deploymentConfig = deployment.deploymentConfigName
        error = deployment.errorInformation.map { "\($0.code ?? "ERROR"): \($0.message ?? "")" }
        self.targets = targets.map { target in
            let info = target.lambdaFunctionInfo
            let alias = [info?.functionName, info?.functionAlias].compactMap { $0 }.joined(separator: ":")
            return Target(
                alias: alias.isEmpty ? (target.targetId ?? "?") : alias,
                currentVersion: info?.currentVersion, targetVersion: info?.targetVersion,
                percent: info?.targetVersionWeight.map { Int(($0 * 100).rounded()) },
                lifecycleEvents: (target.lifecycleEvents ?? []).map {
                    LifecycleEventState(name: $0.lifecycleEventName ?? "?", status: $0.status ?? "Unknown")
                })
        }
    }

    package var kind: String { "deploy.codeDeploy" }

    package var level: EventLevel {
        switch status {
        case "Failed", "Stopped": .error
        case "Succeeded": .success
        default: .info
        }
    }

    /// Whether the deployment ended.
    package var isFinished: Bool { ["Succeeded", "Failed", "Stopped"].contains(status) }

    package var message: String {
        let config = deploymentConfig.map { " (\($0))" } ?? ""
        let shifts = targets.map(\.summary).joined(separator: "; ")
        return "CodeDeploy \(deploymentID) \(status)\(config)" + (shifts.isEmpty ? "" : ": \(shifts)")
    }

    package var details: [String] {
        var lines = targets.map { target in
            target.lifecycleEvents.map { "\($0.name) \($0.status)" }.joined(separator: ", ")
        }.filter { !$0.isEmpty }
        if let error { lines.append(error) }
        return lines
    }
}

extension CodeDeployProgressEvent.Target {
    /// `orders:live 3 → 4, 10% shifted, AllowTraffic InProgress`.
    var summary: String {
        var text = alias
        if let currentVersion, let targetVersion { text += " \(currentVersion) → \(targetVersion)" }
        if let percent { text += ", \(percent)% on the new version" }
        let current = lifecycleEvents.last { $0.status == "InProgress" || $0.status == "Failed" }
        if let current { text += ", \(current.name) \(current.status)" }
        return text
    }
}
