import Deployment
import Foundation

/// Deploy records for tests: `minute` orders them in time.
enum RecordFixtures {
    static func record(_ id: String, minute: Int, outcome: DeployRecord.Outcome = .deployed, template: String = "t1",
                       rollbackOf: String? = nil, parameters: [DeployRecord.Entry] = []) -> DeployRecord {
        var record = DeployRecord(
            id: id, stackName: "app-dev", environment: "dev", who: "arn:aws:iam::123456789012:user/dev",
            startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(minute) * 60), durationSeconds: 12,
            gitCommit: "0123456789abcdef", gitDirty: false, templateHash: outcome == .failed ? "" : template, templateURL: nil,
            parameters: parameters, artifactHashes: [], changeSummary: "1 to add, 0 to modify, 0 to remove", changes: [],
            outcome: outcome, finalStatus: nil, rootCause: nil)
        record.rollbackOf = rollbackOf
        return record
    }
}
