import Foundation
import Reporting

/// One reason that stopped several resources from being verified, said once with their names.
package struct VerificationCauseEvent: FerryEvent {
    /// Why they could not be checked (request IDs removed).
    package let reason: String
    /// The resources it stopped (`Root/Fn`).
    package let resources: [String]

    /// The event for `reason` shared by `resources`.
    package init(reason: String, resources: [String]) {
        self.reason = reason
        self.resources = resources
    }

    package var kind: String { "verify.cause" }
    package var level: EventLevel { .warning }
    package var message: String { "\(resources.count) resource(s) not verified: \(reason)" }
    package var details: [String] { [resources.joined(separator: ", ")] }
}
