import ArgumentParser
import Foundation
import Pipeline

/// `ferry metrics`: invocations, errors, throttles and duration percentiles per function.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Show invocations, errors, throttles and duration p50/p95/max per function (functions with errors first).",
        discussion: "Reads CloudWatch's AWS/Lambda metrics; --json prints the figures and the invocation series.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var window: FunctionWindowOptions

    func run() async throws {
        let context = CommandContext(options: global)
        let sink = context.style.format == .console ? MetricsTableSink(style: context.style, fallback: context.sink) : context.sink
        _ = try await context.reportingErrors {
            try await MetricsPhase(options: MetricsPhase.Options(functions: window.functions, since: window.since ?? "1h"))
                .run(context.projectRequest(), sink: sink)
        }
    }
}
