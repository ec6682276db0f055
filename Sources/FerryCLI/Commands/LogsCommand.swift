import ArgumentParser
import Foundation
import Pipeline

/// `ferry logs`: the stack's functions' log events, merged in time order.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Show the log events of the stack's functions (nested stacks included), merged in time order.",
        discussion: "A function without a log group has not logged yet: that is a note, not an error. "
            + "--follow polls every 2 seconds until Ctrl-C.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var window: FunctionWindowOptions

    @Flag(name: .shortAndLong, help: "Keep showing new events until Ctrl-C.")
    var follow = false

    @Option(name: .long, help: "A CloudWatch Logs filter pattern (e.g. ERROR, or '{ $.level = \"error\" }').")
    var filter: String?

    func run() async throws {
        let context = CommandContext(options: global)
        let sink = context.style.format == .console ? LogLineConsoleSink(style: context.style, fallback: context.sink) : context.sink
        let phase = LogsPhase(options: LogsPhase.Options(
            functions: window.functions, since: window.since ?? "10m", filterPattern: filter, follow: follow))
        let request = context.projectRequest()
        try await context.reportingErrors {
            if follow {
                try await CancelOnInterrupt.run { try await phase.run(request, sink: sink) }
            } else {
                try await phase.run(request, sink: sink)
            }
        }
    }
}
