import AWSServices
import Configuration
import Foundation

/// How a deploy ended, with what it changed.
public struct DeployResult: Sendable {
    /// The verdict.
    public enum Outcome: Sendable, Equatable {
        /// The change set was executed and the stack reached this status.
        case deployed(StackStatus)
        /// Nothing to change.
        case upToDate
        /// `--dry-run`: the change set was shown and deleted.
        case dryRun
        /// The change set was not approved and was deleted.
        case declined
        /// The operation failed; the stack ended in `status`.
        case failed(status: StackStatus, rootCause: RootCause?)
    }

    public var outcome: Outcome
    public var stackName: String
    public var stackID: String?
    /// The change set's changes, when one was created.
    public var report: ChangeSetReport?
    public var outputs: [StackOutput]
    /// SHA-256 of the root template text (or of its URL).
    public var templateHash: String
    /// The S3 URL the template was deployed from, if any.
    public var templateURL: String?
    /// The parameters sent, NoEcho values masked.
    public var maskedParameters: [KeyValue]

    /// A result.
    public init(outcome: Outcome, stackName: String, stackID: String?, report: ChangeSetReport?, outputs: [StackOutput],
                templateHash: String, templateURL: String?, maskedParameters: [KeyValue]) {
        self.outcome = outcome
        self.stackName = stackName
        self.stackID = stackID
        self.report = report
        self.outputs = outputs
        self.templateHash = templateHash
        self.templateURL = templateURL
        self.maskedParameters = maskedParameters
    }
}
