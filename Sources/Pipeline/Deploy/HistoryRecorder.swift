import Deployment
import Foundation

/// Turns a deploy's outcome into its history record.
enum HistoryRecorder {
    /// The record of a deploy stopped with Ctrl-C (CloudFormation may still be working).
    static func interrupted(_ request: DeployRequest, who: String, started: Date, git: GitState) -> DeployRecord {
        DeployRecord(
            stackName: request.stackName, environment: request.environmentName, who: who, startedAt: started,
            durationSeconds: Date().timeIntervalSince(started), gitCommit: git.commit, gitDirty: git.dirty,
            templateHash: "", templateURL: nil,
            parameters: request.parameters.masked.map { DeployRecord.Entry(key: $0.key, value: $0.value) },
            artifactHashes: [], changeSummary: "interrupted (CloudFormation went on without Ferry watching)", changes: [],
            outcome: .interrupted, finalStatus: nil, rootCause: nil)
    }

    /// The artifacts (`<sha256>.<ext>` → SHA-256) the root template refers to, so `ferry gc`
    /// knows what this deploy uses even when the template was sent as a body, not a URL.
    static func artifactEntries(_ template: DeployTemplate) -> [DeployRecord.Entry] {
        let text: String
        switch template {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
            text = String(decoding: data, as: UTF8.self)
        case .url(let url):
            text = url
        }
        return ArtifactReferences.artifactNames(in: text).map { name in
            DeployRecord.Entry(key: name, value: String(name.prefix(64)))
        }
    }

    static func record(
        _ outcome: Result<DeployResult, any Error>, request: DeployRequest, who: String, started: Date, git: GitState
    ) -> DeployRecord {
        let duration = Date().timeIntervalSince(started)
        let masked = request.parameters.masked.map { DeployRecord.Entry(key: $0.key, value: $0.value) }
        switch outcome {
        case .success(let result):
            let (kind, status, cause): (DeployRecord.Outcome, String?, String?) = switch result.outcome {
            case .deployed(let status): (.deployed, status.rawValue, nil)
            case .upToDate: (.upToDate, nil, nil)
            case .dryRun: (.dryRun, nil, nil)
            case .declined: (.declined, nil, nil)
            case .failed(let status, let cause): (.failed, status.rawValue, cause?.summary)
            }
            return DeployRecord(
                stackName: request.stackName, environment: request.environmentName, who: who, startedAt: started,
                durationSeconds: duration, gitCommit: git.commit, gitDirty: git.dirty, templateHash: result.templateHash,
                templateURL: result.templateURL,
                parameters: result.maskedParameters.map { DeployRecord.Entry(key: $0.key, value: $0.value) },
                artifactHashes: artifactEntries(request.template), changeSummary: result.report?.counts ?? "no changes",
                changes: result.report?.lines ?? [], outcome: kind, finalStatus: status, rootCause: cause)
        case .failure(let error):
            return DeployRecord(
                stackName: request.stackName, environment: request.environmentName, who: who, startedAt: started,
                durationSeconds: duration, gitCommit: git.commit, gitDirty: git.dirty, templateHash: "", templateURL: nil,
                parameters: masked, artifactHashes: [], changeSummary: "not deployed", changes: [], outcome: .failed,
                finalStatus: nil, rootCause: String(describing: error))
        }
    }
}
