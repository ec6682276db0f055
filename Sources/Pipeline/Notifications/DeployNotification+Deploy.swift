import Deployment
import Foundation

extension DeployNotification {
    /// The notification for a deploy's outcome, or nil when there is nothing to tell (a dry run,
    /// "up to date", a declined change set).
    package static func deploy(
        _ outcome: Result<DeployResult, any Error>, environment: String, stackName: String, region: String, who: String,
        started: Date, gitCommit: String?, now: Date = Date()
    ) -> DeployNotification? {
        let duration = now.timeIntervalSince(started)
        switch outcome {
        case .success(let result):
            let report = result.report
            switch result.outcome {
            case .upToDate, .dryRun, .declined:
                return nil
            case .deployed(let status):
                return DeployNotification(
                    operation: .deploy, outcome: .succeeded, environment: environment, stackName: stackName,
                    stackID: result.stackID, region: region, who: who,
                    summary: "\(report?.counts ?? "deployed") (\(status.rawValue))", changes: report?.lines ?? [],
                    durationSeconds: duration, gitCommit: gitCommit)
            case .failed(let status, let cause):
                return DeployNotification(
                    operation: .deploy, outcome: .failed, environment: environment, stackName: stackName,
                    stackID: result.stackID, region: region, who: who, summary: "ended in \(status.rawValue)",
                    changes: report?.lines ?? [], durationSeconds: duration, failure: cause?.summary ?? status.rawValue,
                    gitCommit: gitCommit)
            }
        case .failure(let error):
            return DeployNotification(
                operation: .deploy, outcome: .failed, environment: environment, stackName: stackName, region: region,
                who: who, summary: "not deployed", durationSeconds: duration, failure: String(describing: error),
                gitCommit: gitCommit)
        }
    }
}
