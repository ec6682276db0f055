import ArgumentParser
import Deployment
import Foundation
import Pipeline
import Reporting

/// `ferry history`: the environment's deploys, newest first.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the environment's deploys: when, who, commit, outcome, duration, changes.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "How many deploys to show.")
    var limit = 20

    func run() async throws {
        let context = CommandContext(options: global)
        try await context.reportingErrors {
            let (stack, records) = try await HistoryWorkflow().records(
                projectDirectory: context.workingDirectory, configPath: context.configURL,
                environmentName: global.environment, session: context.sessionOptions, limit: limit)
            if records.isEmpty {
                context.sink.emit(HistoryRecordEvent.none(stack))
            }
            for record in records { context.sink.emit(HistoryRecordEvent(record: record)) }
        }
    }
}

/// One deploy of the history.
struct HistoryRecordEvent: FerryEvent {
    let record: DeployRecord?
    let stackName: String?

    init(record: DeployRecord) {
        self.record = record
        stackName = record.stackName
    }

    private init(empty stack: String) {
        record = nil
        stackName = stack
    }

    static func none(_ stack: String) -> HistoryRecordEvent { HistoryRecordEvent(empty: stack) }

    var kind: String { "history.record" }
    var level: EventLevel {
        guard let record else { return .info }
        switch record.outcome {
        case .failed: return .error
        case .deployed, .upToDate: return .success
        default: return .info
        }
    }
    var message: String {
        guard let record else { return "no deploys recorded for stack \(stackName ?? "?")" }
        let when = record.startedAt.formatted(.iso8601)
        let commit = record.gitCommit.map { String($0.prefix(8)) + (record.gitDirty == true ? "+dirty" : "") } ?? "no git"
        let duration = String(format: "%.1fs", record.durationSeconds)
        return "\(when)  \(record.outcome.rawValue)  \(duration)  \(record.who)  \(commit)  \(record.changeSummary)"
    }
    var details: [String] {
        guard let record else { return [] }
        var lines = record.changes
        if let cause = record.rootCause { lines.append("root cause: \(cause)") }
        return lines
    }
}
