import Foundation

/// One deploy as recorded in the artifact bucket: who, when, what, and how it ended.
public struct DeployRecord: Sendable, Codable, Equatable {
    /// How the deploy ended.
    public enum Outcome: String, Sendable, Codable {
        case deployed, upToDate = "up-to-date", failed, dryRun = "dry-run", declined, interrupted
        /// `ferry rollback` returned the stack to an earlier record (`rollbackOf`).
        case rolledBack = "rolled-back"
    }

    /// One `key=value` shown in the record (NoEcho values masked).
    public struct Entry: Sendable, Codable, Equatable {
        public var key: String
        public var value: String
        /// An entry.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public var id: String
    public var stackName: String
    public var environment: String
    /// The caller's ARN.
    public var who: String
    public var startedAt: Date
    public var durationSeconds: Double
    public var gitCommit: String?
    public var gitDirty: Bool?
    /// SHA-256 of the root template text (or its URL when deployed by URL).
    public var templateHash: String
    public var templateURL: String?
    public var parameters: [Entry]
    /// Artifact name → SHA-256, when the template was packaged by Ferry.
    public var artifactHashes: [Entry]
    /// `3 to add, 1 to modify, 0 to remove`.
    public var changeSummary: String
    public var changes: [String]
    public var outcome: Outcome
    public var finalStatus: String?
    public var rootCause: String?
    /// For a `ferry rollback`: the ID of the record the stack was returned to.
    public var rollbackOf: String? = nil
    /// For a `ferry rollback`: how it returned the stack (`alias` for the fast path; nil for a change set).
    public var path: String? = nil

    /// A record.
    public init(
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
