import Foundation
import Reporting

/// One reason that stopped several resources from being verified, said once with their names.
public struct VerificationCauseEvent: FerryEvent {
    /// Why they could not be checked (request IDs removed).
    public let reason: String
    /// The resources it stopped (`Root/Fn`).
    public let resources: [String]

    /// The event for `reason` shared by `resources`.
    public init(reason: String, resources: [String]) {
        self.reason = reason
        self.resources = resources
    }

    public var kind: String { "verify.cause" }
    public var level: EventLevel { .warning }
    public var message: String { "\(resources.count) resource(s) not verified: \(reason)" }
    public var details: [String] { [resources.joined(separator: ", ")] }
}
