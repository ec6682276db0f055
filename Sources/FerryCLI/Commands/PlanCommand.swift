import ArgumentParser
import Foundation
import Pipeline

/// `ferry plan`: what would `ferry up` do? Up to date, a hot-swap, or a CloudFormation deploy.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compare the local build with what is deployed: up to date, hot-swap N resources, or CloudFormation deploy (and why).",
        discussion: """
        Run `ferry build` first. Packages the templates in memory (nothing is uploaded) and compares each stack's \
        packaged template with its deployed one, resource by resource, and each function's zip SHA-256, state machine \
        definition and AppSync code with what runs. Reads only.
        Exits 0 (with --exit-code: 0 when up to date, 2 when there is something to do), 1 or more on errors.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var stackSelection: StackSelectionOptions

    @Flag(name: .customLong("exit-code"), help: "Exit 2 when there is something to do (for CI).")
    var exitCode = false

    func run() async throws {
        let context = CommandContext(options: global)
        let plan = try await context.reportingErrors {
            var options = PlanPhase.Options(concurrency: planning.concurrency, noHotswap: planning.noHotswap)
            options.stacks = stackSelection.selection
            return try await PlanPhase(options: options).run(context.projectRequest(parameterOverrides: planning.parameters),
                                                             sink: context.sink)
        }
        if exitCode && plan.hasChanges { throw CommandFailure(exitCode: .changesPending) }
    }
}
