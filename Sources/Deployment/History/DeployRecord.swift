import Foundation

/// One deploy as recorded in the artifact bucket: who, when, what, and how it ended.
package struct DeployRecord: Sendable, Codable, Equatable {
    /// How the deploy ended.
    package enum Outcome: String, Sendable, Codable {
        case deployed, upToDate = "up-to-date", failed, dryRun = "dry-run", declined, interrupted
        /// `ferry rollback` returned the stack to an earlier record (`rollbackOf`).
        case rolledBack = "rolled-back"
    }

    /// One `key=value` shown in the record (NoEcho values masked).
    package struct Entry: Sendable, Codable, Equatable {
        package var key: String
        package var value: String
        /// An entry.
        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    package var id: String
    package var stackName: String
    package var environment: String
    /// The caller's ARN.
    package var who: String
    package var startedAt: Date
    package var durationSeconds: Double
    package var gitCommit: String?
    package var gitDirty: Bool?
    /// SHA-256 of the root template text (or its URL when deployed by URL).
    package var templateHash: String
    package var templateURL: String?
    package var parameters: [Entry]
    /// Artifact name → SHA-256, when the template was packaged by Ferry.
    package var artifactHashes: [Entry]
    /// `3 to add, 1 to modify, 0 to remove`.
    package var changeSummary: String
    package var changes: [String]
    package var outcome: Outcome
    package var finalStatus: String?
    package var rootCause: String?
    /// For a `ferry rollback`: the ID of the record the stack was returned to.
    package var rollbackOf: String? = nil
    /// For a `ferry rollback`: how it returned the stack (`alias` for the fast path; nil for a change set).
    package var path: String? = nil

    /// A record.
    package init(
        id: String = UUID().uuidString.lowercased(), stackName: String, environment: String, who: String, startedAt: Date,
        durationSeconds: Double, gitCommit: String?, gitDirty: Bool?, templateHash: String, templateURL: String?,
        parameters: [Entry], artifactHashes: [Entry], changeSummary: String, changes: [String], outcome: Outcome,
        finalStatus: String?, rootCause: String?
    ) {
        self.id = id
        self.stackName = stackName
        self.environment = environment
        self.who = who
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.templateHash = templateHash
        self.templateURL = templateURL
        self.parameters = parameters
        self.artifactHashes = artifactHashes
        self.changeSummary = changeSummary
        self.changes = changes
        self.outcome = outcome
        self.finalStatus = finalStatus
        self.rootCause = rootCause
    }
}
