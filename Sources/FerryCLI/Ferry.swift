import ArgumentParser
import FerryBuildInfo

/// The `ferry` root command.
package struct Ferry: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "ferry",
        abstract: "Build, package, deploy and hot-swap AWS serverless applications — provably fresh.",
        discussion: FerryExitCode.documentation,
        version: FerryVersion.versionLine,
        subcommands: [
            InitCommand.self, DoctorCommand.self, BuildCommand.self, PackageCommand.self, DeployCommand.self,
            PlanCommand.self, UpCommand.self, UpdateCommand.self, VerifyCommand.self, HistoryCommand.self,
            RollbackCommand.self, WatchCommand.self, LogsCommand.self, MetricsCommand.self, GCCommand.self,
        ]
    )

    package init() {}
}

/// Ferry's version, printed by `ferry --version` and recorded in build keys.
package enum FerryVersion {
    /// The release version (build keys record it; the commit is not part of them).
    package static let current = "0.1.0"

    /// The git commit Ferry was built from (full hash), "unknown" outside a git checkout.
    package static var commit: String { String(cString: ferry_build_commit()) }

    /// What `ferry --version` prints: `ferry 0.1.0 (commit 6d5cd52ff528)`.
    package static var versionLine: String {
        let commit = commit
        return "ferry \(current) (commit \(commit == "unknown" ? commit : String(commit.prefix(12))))"
    }
}
