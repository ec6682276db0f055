import ArgumentParser
import Foundation
import Pipeline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ferry rollback`: return the environment's stack to a recorded deploy.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Return the stack to a recorded deploy: its template, parameters and code.",
        discussion: """
        Shows the plan first, then deploys the record's packaged template from the artifact bucket \
        through a change set with the recorded parameters (masked NoEcho values keep the stack's \
        current value), hot-swaps every function that still runs other code from the recorded S3 \
        object, verifies code and template against the record, and records the rollback in \
        `ferry history`. Default: the last successful deploy before the current one. Approval works \
        as for `ferry deploy`. Exits 0 when rolled back (or declined), 1 when it failed or was refused.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The record to return to (an ID or its first characters, from `ferry history`).", valueName: "ID"))
    var to: String?

    @Flag(name: .customLong("dry-run"), help: "Show the plan and the change set, change nothing.")
    var dryRun = false

    @OptionGroup var approval: ApprovalOptions

    @Option(name: .customLong("role-arn"), help: "The service role CloudFormation uses.")
    var roleARN: String?

    func run() async throws {
        let context = CommandContext(options: global)
        let request = RollbackRequest(
            targetID: to, dryRun: dryRun, roleARN: roleARN,
            approval: approval.input)
        try await context.reportingErrors {
            _ = try await RollbackWorkflow(sink: context.sink).run(context.projectRequest(), request)
        }
    }
}
