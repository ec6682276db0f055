import Foundation

/// A CodeDeploy deployment (GetDeployment's `deploymentInfo`); only the members Ferry reads.
package struct DeploymentInfo: Codable, Sendable, Equatable {
    package var deploymentId: String
    package var applicationName: String?
    package var deploymentGroupName: String?
    package var deploymentConfigName: String?
    /// `Created`, `Queued`, `InProgress`, `Baking`, `Succeeded`, `Failed`, `Stopped`, `Ready`.
    package var status: String?
    package var errorInformation: DeploymentErrorInformation?
    package var rollbackInfo: DeploymentRollbackInfo?
    package var createTime: Date?
    package var startTime: Date?
    package var completeTime: Date?
    package var creator: String?

    /// A deployment (for tests).
    package init(deploymentId: String, status: String?, deploymentConfigName: String? = nil,
                errorInformation: DeploymentErrorInformation? = nil, createTime: Date? = nil) {
        self.deploymentId = deploymentId
        self.status = status
        self.deploymentConfigName = deploymentConfigName
        self.errorInformation = errorInformation
        self.createTime = createTime
    }

    /// Whether the deployment ended (succeeded, failed or was stopped).
    package var isFinished: Bool { ["Succeeded", "Failed", "Stopped"].contains(status ?? "") }
}

/// Why a deployment failed: CodeDeploy's error code (`ALARM_ACTIVE`, `HOOK_EXECUTION_FAILURE`, ...) and message.
package struct DeploymentErrorInformation: Codable, Sendable, Equatable {
    package var code: String?
    package var message: String?

    /// An error (for tests).
    package init(code: String?, message: String?) {
        self.code = code
        self.message = message
    }
}

/// What CodeDeploy did to roll a deployment back.
package struct DeploymentRollbackInfo: Codable, Sendable, Equatable {
    package var rollbackDeploymentId: String?
    package var rollbackMessage: String?
}

/// One target of a deployment; for Lambda, `lambdaTarget`.
package struct DeploymentTarget: Codable, Sendable, Equatable {
    package var deploymentTargetType: String?
    package var lambdaTarget: LambdaTarget?

    /// A Lambda target (for tests).
    package init(lambdaTarget: LambdaTarget) {
        deploymentTargetType = "LambdaTarget"
        self.lambdaTarget = lambdaTarget
    }
}

/// A Lambda alias a deployment shifts: its lifecycle events and the traffic on the new version.
package struct LambdaTarget: Codable, Sendable, Equatable {
    package var targetId: String?
    package var targetArn: String?
    package var status: String?
    package var lifecycleEvents: [LifecycleEvent]?
    package var lambdaFunctionInfo: LambdaFunctionInfo?

    /// A target (for tests).
    package init(targetId: String?, status: String?, lifecycleEvents: [LifecycleEvent], lambdaFunctionInfo: LambdaFunctionInfo?) {
        self.targetId = targetId
        self.status = status
        self.lifecycleEvents = lifecycleEvents
        self.lambdaFunctionInfo = lambdaFunctionInfo
    }
}

/// One lifecycle event of a target (`BeforeAllowTraffic`, `AllowTraffic`, `AfterAllowTraffic`).
package struct LifecycleEvent: Codable, Sendable, Equatable {
    package var lifecycleEventName: String?
    /// `Pending`, `InProgress`, `Succeeded`, `Failed`, `Skipped`, `Unknown`.
    package var status: String?
    package var diagnostics: LifecycleEventDiagnostics?
    package var startTime: Date?
    package var endTime: Date?

    /// An event (for tests).
    package init(lifecycleEventName: String?, status: String?, diagnostics: LifecycleEventDiagnostics? = nil) {
        self.lifecycleEventName = lifecycleEventName
        self.status = status
        self.diagnostics = diagnostics
    }
}

/// What went wrong in a lifecycle event (a hook's error).
package struct LifecycleEventDiagnostics: Codable, Sendable, Equatable {
    package var errorCode: String?
    package var scriptName: String?
    package var message: String?
    package var logTail: String?

    /// Diagnostics (for tests).
    package init(errorCode: String?, message: String?) {
        self.errorCode = errorCode
        self.message = message
    }
}

/// The alias a Lambda deployment moves: from `currentVersion` to `targetVersion`, with the share
/// of traffic on the target so far.
package struct LambdaFunctionInfo: Codable, Sendable, Equatable {
    package var functionName: String?
    package var functionAlias: String?
    package var currentVersion: String?
    package var targetVersion: String?
    package var targetVersionWeight: Double?

    /// Function info (for tests).
    package init(functionName: String?, functionAlias: String?, currentVersion: String?, targetVersion: String?,
                targetVersionWeight: Double?) {
        self.functionName = functionName
        self.functionAlias = functionAlias
        self.currentVersion = currentVersion
        self.targetVersion = targetVersion
        self.targetVersionWeight = targetVersionWeight
    }
}

struct ListDeploymentsRequest: Encodable, Sendable {
    var applicationName: String
    var deploymentGroupName: String
    var nextToken: String?
}

struct ListDeploymentsPage: Decodable, Sendable {
    var deployments: [String]?
    var nextToken: String?
}

struct DeploymentIDRequest: Encodable, Sendable {
    var deploymentId: String
}

struct GetDeploymentOutput: Decodable, Sendable {
    var deploymentInfo: DeploymentInfo
}

struct ListDeploymentTargetsRequest: Encodable, Sendable {
    var deploymentId: String
    var nextToken: String?
}

struct ListDeploymentTargetsPage: Decodable, Sendable {
    var targetIds: [String]?
    var nextToken: String?
}

struct BatchGetDeploymentTargetsRequest: Encodable, Sendable {
    var deploymentId: String
    var targetIds: [String]
}

struct BatchGetDeploymentTargetsOutput: Decodable, Sendable {
    var deploymentTargets: [DeploymentTarget]?
}
