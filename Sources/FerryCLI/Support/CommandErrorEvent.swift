import Pipeline
import Reporting

/// The error a command ended with, as the last event of its output (`--json`: one line with the
/// failure's category and the exit code it maps to); on standard error, `error: <message>`.
struct CommandErrorEvent: FinalLineEvent {
    let message: String
    let category: FailureCategory
    let exitCode: FerryExitCode
    var kind: String { "error" }
    var level: EventLevel { .error }
    var standardErrorText: String { "error: \(message)\n" }

    enum CodingKeys: String, CodingKey { case category, exitCode }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(category.rawValue, forKey: .category)
        try container.encode(Int(exitCode.rawValue), forKey: .exitCode)
    }
}

/// Ctrl-C during a deploy: what CloudFormation goes on doing and how to cancel it.
struct DeployInterruptedEvent: FinalLineEvent {
    let message: String
    var kind: String { "deploy.interrupted" }
    var level: EventLevel { .warning }
    var standardErrorText: String { "\n\(message)\n" }

    func encode(to encoder: any Encoder) throws {}
}
