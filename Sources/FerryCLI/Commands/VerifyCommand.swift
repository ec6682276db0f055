import ArgumentParser
import Foundation
import Pipeline

/// `ferry verify`: does every deployed function and definition run the local build?
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every deployed function and definition runs the local build; list the stale ones.",
        discussion: "Exits 0 when everything deployed runs the local build, 1 when anything was not verified: stale, not deployed, or not checkable (no such stack, a read that failed). Reads only.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var stackSelection: StackSelectionOptions

    @Flag(name: .long, help: "Also invoke each function (or those named) with its event from [env.<name>.invoke] in ferry.toml ({} without one); a function error fails verify.")
    var invoke = false

    @Argument(help: ArgumentHelp("With --invoke: the functions to invoke (logical ID or Stack/Path/LogicalID); default all.", valueName: "function"))
    var functions: [String] = []

    func validate() throws {
        if !invoke && !functions.isEmpty { throw ValidationError("function names are given with --invoke: ferry verify --invoke \(functions.joined(separator: " "))") }
    }

    func run() async throws {
        let context = CommandContext(options: global)
        let report = try await context.reportingErrors {
            var options = VerifyPhase.Options()
            options.stacks = stackSelection.selection
            if invoke { options.invoke = functions }
            return try await VerifyPhase(options: options).run(context.projectRequest(), sink: context.sink)
        }
        if !report.isVerified { throw CommandFailure(exitCode: .failure) }
    }
}
