import ArgumentParser
import Foundation
import Pipeline
import Reporting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ferry deploy`: a change-set deploy of one environment, with events, root cause, lock and history.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy the (packaged) template with a CloudFormation change set.",
        discussion: """
        Creates a change set, shows it grouped by stack, asks (on a terminal, or always for \
        environments with approval = "required"), executes it and follows the events of every \
        nested stack. "No changes" is success. On failure the root cause is printed first.
        Exits 0 when deployed or up to date, 1 when the deploy failed or was refused, 130 on Ctrl-C.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The template file to deploy (default: the packaged template under .ferry/package/, else the environment's template).")
    var template: String?

    @Option(name: .customLong("template-url"), help: "Deploy the template at this S3 URL instead of a local file.")
    var templateURL: String?

    @Option(name: .customLong("parameter"), help: ArgumentHelp("Override a stack parameter (repeatable).", valueName: "KEY=VALUE"))
    var parameters: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Create and show the change set, then delete it.")
    var dryRun = false

    @OptionGroup var approval: ApprovalOptions

    @Flag(name: .customLong("no-wait"), help: "Fail instead of waiting when another operation is running on the stack.")
    var noWait = false

    @Flag(name: .long, help: "Cancel the stack update in progress (CancelUpdateStack).")
    var cancel = false

    @Flag(name: .customLong("continue-rollback"), help: "Continue the rollback of a stack in UPDATE_ROLLBACK_FAILED.")
    var continueRollback = false

    @Flag(name: .customLong("force-unlock"), help: "Remove the environment's deploy lock first, whoever holds it.")
    var forceUnlock = false

    @Flag(name: .customLong("skip-gates"), help: "Do not run the environment's before_deploy gates (printed as a warning).")
    var skipGates = false

    @Option(name: .customLong("lock-timeout"),
            help: ArgumentHelp("Seconds to wait while someone else holds the environment's deploy lock (default 0: stop at once).", valueName: "seconds"))
    var lockTimeout: Int = 0

    @Option(name: .customLong("role-arn"), help: "The service role CloudFormation uses.")
    var roleARN: String?

    @Option(name: .customLong("notification-arn"), help: "An SNS topic for stack events (repeatable).")
    var notificationARNs: [String] = []

    @Option(name: .customLong("traffic"),
            help: ArgumentHelp("Shift aliases that get a new version gradually, watching [env.X.traffic] alarms: canary:PCT:WAIT, linear:PCT:EVERY or all-at-once (overrides the environment's strategy).", valueName: "strategy"))
    var traffic: String?

    func validate() throws {
        if lockTimeout < 0 { throw ValidationError("--lock-timeout must be 0 or more seconds.") }
        if cancel && continueRollback { throw ValidationError("--cancel and --continue-rollback cannot be used together") }
        if template != nil && templateURL != nil { throw ValidationError("--template and --template-url cannot be used together") }
        if let traffic { _ = try UpCommand.strategy(traffic) }
    }

    func run() async throws {
        let context = CommandContext(options: global, live: true)
        let interruption = DeployInterruption()
        let watcher = InterruptWatcher(interruption: interruption, json: global.json)
        watcher.start()
        defer { watcher.stop() }
        let action: DeployWorkflowRequest.Action = cancel ? .cancel : continueRollback ? .continueRollback : .deploy
        var request = DeployWorkflowRequest(
            action: action,
            templatePath: template.map { URL(fileURLWithPath: $0, relativeTo: context.workingDirectory).standardizedFileURL },
            templateURL: templateURL, roleARN: roleARN, notificationARNs: notificationARNs,
            dryRun: dryRun, noWait: noWait, forceUnlock: forceUnlock,
            approval: approval.input,
            interruption: interruption)
        request.skipGates = skipGates
        request.lockTimeout = .seconds(lockTimeout)
        request.traffic = try traffic.map(UpCommand.strategy)
        try await context.reportingErrors {
            _ = try await DeployWorkflow(sink: context.sink).run(context.projectRequest(parameterOverrides: parameters), request)
        }
    }
}

/// Asks a yes/no question on the terminal.
enum TerminalQuestion {
    /// Prints `question` and reads one line; `y`/`yes` is true.
    @Sendable static func ask(_ question: String) async -> Bool {
        LiveConsoleRenderer.pauseActive()
        FileHandle.standardOutput.write(Data(question.utf8))
        let answer = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: readLine() ?? "") }
        }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
