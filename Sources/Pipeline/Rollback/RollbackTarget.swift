import Deployment
import Foundation

/// Chooses the deploy record `ferry rollback` returns the stack to: a pure decision over the
/// history, newest first.
package enum RollbackTarget {
    /// The records that changed what the stack runs: deploys and rollbacks that ended well.
    static func isState(_ record: DeployRecord) -> Bool {
        [.deployed, .rolledBack].contains(record.outcome) && !record.templateHash.isEmpty
    }

    /// The record the stack runs now (the newest successful deploy or rollback) and the record
    /// to roll back to.
    ///
    /// - Parameters:
    ///   - records: the stack's deploy records, newest first.
    ///   - id: `--to ID` (a whole ID or a unique prefix); nil for the default: the last successful
    ///     deploy before the current one whose template differs from it (a rollback counts as
    ///     the record it returned to, so rolling back twice goes further back).
    /// - Throws: `PipelineFailure` (bad input) when there is nothing to roll back to, or the
    ///   record asked for never ran.
    package static func choose(from records: [DeployRecord], id: String?) throws -> (target: DeployRecord, current: DeployRecord?) {
        let states = records.filter(isState)
        let current = states.first
        if let id {
            let target = try find(id, in: records)
            guard [.deployed, .upToDate, .rolledBack].contains(target.outcome), !target.templateHash.isEmpty else {
                throw PipelineFailure(.badInput, "record \(target.id.prefix(8)) ended \(target.outcome.rawValue): "
                    + "its template never ran on stack \(target.stackName), so there is nothing to roll back to; "
                    + "pick a deployed record from `ferry history`")
            }
            return (target, current)
        }
        guard let current else {
            throw PipelineFailure(.badInput, "no successful deploy is recorded for this stack: nothing to roll back to")
        }
        var start = 1
        if current.outcome == .rolledBack, let returnedTo = current.rollbackOf,
           let index = states.firstIndex(where: { $0.id == returnedTo }) {
            start = index + 1
        }
        guard start < states.count,
              let target = states[start...].first(where: { $0.templateHash != current.templateHash }) else {
            throw PipelineFailure(.badInput, "no successful deploy before \(current.id.prefix(8)) "
                + "(\(current.startedAt.formatted(.iso8601))) has a different template: nothing to roll back to")
        }
        return (target, current)
    }

    /// The record with ID `id`, or the only one whose ID starts with it.
    static func find(_ id: String, in records: [DeployRecord]) throws -> DeployRecord {
        if let exact = records.first(where: { $0.id == id }) { return exact }
        let matches = records.filter { $0.id.hasPrefix(id) }
        guard let first = matches.first else {
            throw PipelineFailure(.badInput, "no deploy record has the ID \(id): run `ferry history` to see the IDs")
        }
        guard matches.count == 1 else {
            throw PipelineFailure(.badInput, "the ID \(id) matches \(matches.count) deploy records: give more characters")
        }
        return first
    }
}
