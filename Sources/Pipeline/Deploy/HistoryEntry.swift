import Deployment
import Foundation

/// One line of `ferry history`: a deploy, a rollback or a hot-swap, with who, when, what and how
/// it ended.
package struct HistoryEntry: Sendable, Encodable, Equatable {
    /// What kind of change the entry records.
    package enum Kind: String, Sendable, Encodable {
        /// A CloudFormation deploy (`ferry deploy`).
        case deploy
        /// `ferry rollback`.
        case rollback
        /// A hot-swap (`ferry update`): code changed without CloudFormation.
        case hotswap
    }

    /// One resource a hot-swap changed.
    package struct Swap: Sendable, Encodable, Equatable {
        /// `Root/Fn`.
        package var resource: String
        /// The resource type.
        package var resourceType: String
        /// What ran before this hot-swap (nil when unknown).
        package var oldHash: String?
        /// What ran after it.
        package var newHash: String

        /// A swap.
        package init(resource: String, resourceType: String, oldHash: String?, newHash: String) {
            self.resource = resource
            self.resourceType = resourceType
            self.oldHash = oldHash
            self.newHash = newHash
        }

        /// `Root/Fn abc123 → def456`.
        package var line: String { "\(resource) \(Self.short(oldHash)) → \(Self.short(newHash))" }

        static func short(_ hash: String?) -> String {
            guard let hash, !hash.isEmpty else { return "none" }
            return String(hash.prefix(8))
        }
    }

    package var kind: Kind
    /// The record's ID (a UUID for deploys, `hs-<yyyyMMddHHmmss>` for hot-swaps).
    package var id: String
    package var who: String
    package var at: Date
    package var gitCommit: String?
    package var gitDirty: Bool?
    /// The change summary (`1 to add, 2 to modify, 0 to remove`, `2 function(s) hot-swapped`).
    package var summary: String
    /// The change lines of a deploy.
    package var changes: [String]
    /// The resources a hot-swap changed.
    package var swaps: [Swap]
    /// `deployed`, `up-to-date`, `failed`, `rolled-back`, `hotswapped`, ...
    package var outcome: String
    package var durationSeconds: Double?
    package var rootCause: String?
    /// The full deploy record (deploys and rollbacks).
    package var record: DeployRecord?

    /// The entry of a deploy or rollback record.
    package init(record: DeployRecord) {
        kind = record.outcome == .rolledBack ? .rollback : .deploy
        id = record.id
        who = record.who
        at = record.startedAt
        gitCommit = record.gitCommit
        gitDirty = record.gitDirty
        summary = record.changeSummary
        changes = record.changes
        swaps = []
        outcome = record.outcome.rawValue
        durationSeconds = record.durationSeconds
        rootCause = record.rootCause
        self.record = record
    }

    /// An entry from its parts (hot-swaps).
    package init(kind: Kind, id: String, who: String, at: Date, gitCommit: String? = nil, gitDirty: Bool? = nil,
                summary: String, changes: [String] = [], swaps: [Swap] = [], outcome: String,
                durationSeconds: Double? = nil, rootCause: String? = nil) {
        self.kind = kind
        self.id = id
        self.who = who
        self.at = at
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.summary = summary
        self.changes = changes
        self.swaps = swaps
        self.outcome = outcome
        self.durationSeconds = durationSeconds
        self.rootCause = rootCause
        record = nil
    }

    /// The first 8 characters of a deploy's UUID, the whole ID of a hot-swap.
    package var shortID: String { kind == .hotswap ? id : String(id.prefix(8)) }

    /// `abcdef12+dirty`, or `no git`.
    package var commitText: String {
        gitCommit.map { String($0.prefix(8)) + (gitDirty == true ? "+dirty" : "") } ?? "no git"
    }

    /// `12.3s`, or `-` when not recorded.
    package var durationText: String {
        durationSeconds.map { String(format: "%.1fs", $0) } ?? "-"
    }
}
