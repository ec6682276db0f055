import ArgumentParser
import Foundation
import Pipeline
import Reporting

/// `ferry history`: the environment's deploys, rollbacks and hot-swaps, newest first.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the environment's deploys, rollbacks and hot-swaps: who, when, commit, what changed, outcome, duration.",
        discussion: "`ferry history show ID` (or `--id ID`) prints one record in full; an ID may be shortened to its first characters.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "How many entries to show.")
    var limit = 20

    @Option(name: .long, help: ArgumentHelp("Show the record with this ID in full.", valueName: "ID"))
    var id: String?

    @Argument(help: ArgumentHelp("`show ID`: show one record in full.", valueName: "show ID"))
    var words: [String] = []

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if !words.isEmpty && (words.count != 2 || words[0] != "show") {
            throw ValidationError("expected `ferry history show ID`, got `\(words.joined(separator: " "))`")
        }
        if !words.isEmpty && id != nil { throw ValidationError("use either `show ID` or `--id ID`, not both") }
    }

    func run() async throws {
        let context = CommandContext(options: global)
        let wanted = id ?? (words.count == 2 ? words[1] : nil)
        try await context.reportingErrors {
            let (stack, entries) = try await HistoryWorkflow().entries(context.projectRequest(), limit: wanted == nil ? limit : 1000)
            if let wanted {
                context.sink.emit(HistoryRecordEvent(entry: try HistoryTimeline.find(wanted, in: entries), full: true))
                return
            }
            if entries.isEmpty { context.sink.emit(HistoryRecordEvent.none(stack)) }
            for entry in entries { context.sink.emit(HistoryRecordEvent(entry: entry, full: false)) }
        }
    }
}

/// One entry of the history: a deploy, a rollback or a hot-swap.
struct HistoryRecordEvent: FerryEvent {
    let entry: HistoryEntry?
    let stackName: String?
    let full: Bool

    init(entry: HistoryEntry, full: Bool) {
        self.entry = entry
        stackName = entry.record?.stackName
        self.full = full
    }

    private init(empty stack: String) {
        entry = nil
        stackName = stack
        full = false
    }

    static func none(_ stack: String) -> HistoryRecordEvent { HistoryRecordEvent(empty: stack) }

    var kind: String { "history.record" }
    var level: EventLevel {
        guard let entry else { return .info }
        switch entry.outcome {
        case "failed": return .error
        case "deployed", "up-to-date", "rolled-back", "hotswapped": return .success
        default: return .info
        }
    }
    var message: String {
        guard let entry else { return "no deploys or hot-swaps recorded for stack \(stackName ?? "?")" }
        let when = entry.at.formatted(.iso8601)
        return "\(entry.shortID)  \(when)  \(entry.kind.rawValue)  \(entry.outcome)  \(entry.durationText)  \(entry.who)  "
            + "\(entry.commitText)  \(entry.summary)"
    }
    var details: [String] {
        guard let entry else { return [] }
        var lines = entry.swaps.map(\.line) + entry.changes
        if let cause = entry.rootCause { lines.append("root cause: \(cause)") }
        guard full else { return lines }
        lines.insert("id: \(entry.id)", at: 0)
        if let record = entry.record {
            lines.append("stack: \(record.stackName) (environment \(record.environment))")
            lines.append("template: sha256 \(record.templateHash)" + (record.templateURL.map { " from \($0)" } ?? ""))
            if !record.parameters.isEmpty {
                lines.append("parameters: " + record.parameters.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            }
            if let status = record.finalStatus { lines.append("final status: \(status)") }
            if let target = record.rollbackOf { lines.append("rolled back to: \(target)" + (record.path.map { " (path: \($0))" } ?? "")) }
        }
        return lines
    }

    enum CodingKeys: String, CodingKey { case entry, record, stackName }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(entry, forKey: .entry)
        try container.encodeIfPresent(entry?.record, forKey: .record)
        try container.encodeIfPresent(stackName, forKey: .stackName)
    }
}
