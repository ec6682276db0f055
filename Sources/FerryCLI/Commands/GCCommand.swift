import ArgumentParser
import Foundation
import Pipeline

/// `ferry gc`: lists (or with `--yes` deletes) artifacts nothing references any more.
struct GCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract: "Delete artifacts in the artifact bucket that no recent deploy, hot-swap or live stack uses.",
        discussion: """
        Keeps every artifact referenced by the last --keep successful deploys of each stack recorded \
        under the environment's prefix, by the hot-swap records, and by the templates the stacks \
        (root and nested) run now. The lock, history and hot-swap records are never deleted. \
        A dry run by default: lists what would go, the bytes and the monthly cost (an estimate at \
        S3 Standard $0.023 per GB-month). --yes deletes.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many successful deploys per stack keep their artifacts.")
    var keep = 10

    @Option(name: .customLong("min-age"), help: "Keep objects uploaded less than this many hours ago (they may not be deployed yet).")
    var minAge: Double = 1

    @Flag(name: [.customShort("y"), .long], help: "Delete; without it gc only lists what would go.")
    var yes = false

    func validate() throws {
        if keep < 1 { throw ValidationError("--keep must be at least 1 (the current deploy).") }
        if minAge < 0 { throw ValidationError("--min-age must not be negative.") }
    }

    func run() async throws {
        let context = CommandContext(options: global)
        try await context.reportingErrors {
            let options = GCPhase.Options(keep: keep, minimumAge: minAge * 3600, delete: yes)
            _ = try await GCPhase(options: options).run(context.projectRequest(), sink: context.sink)
        }
    }
}
