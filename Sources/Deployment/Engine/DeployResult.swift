import AWSServices
import Configuration
import Foundation

/// How a deploy ended, with what it changed.
package struct DeployResult: Sendable {
    /// The verdict.
    package enum Outcome: Sendable, Equatable {
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

    package var outcome: Outcome
    package var stackName: String
    package var stackID: String?
    /// The change set's changes, when one was created.
    package var report: ChangeSetReport?
    package var outputs: [StackOutput]
    /// SHA-256 of the root template text (or of its URL).
    package var templateHash: String
    /// The S3 URL the template was deployed from, if any.
    package var templateURL: String?
    /// The parameters sent, NoEcho values masked.
    package var maskedParameters: [KeyValue]

    /// A result.
    package init(outcome: Outcome, stackName: String, stackID: String?, report: ChangeSetReport?, outputs: [StackOutput],
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
