import ArgumentParser

/// The `ferry` root command.
public struct Ferry: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ferry",
        abstract: "Build, package, deploy and hot-swap AWS serverless applications — provably fresh.",
        discussion: FerryExitCode.documentation,
        version: FerryVersion.current,
        subcommands: [
            InitCommand.self, DoctorCommand.self, BuildCommand.self, PackageCommand.self, DeployCommand.self,
            PlanCommand.self, UpCommand.self, UpdateCommand.self, VerifyCommand.self, HistoryCommand.self,
            RollbackCommand.self, WatchCommand.self, LogsCommand.self, MetricsCommand.self, GCCommand.self,
        ]
    )

    public init() {}
}

/// Ferry's version, printed by `ferry --version` and recorded in build keys.
public enum FerryVersion {
    public static let current = "0.1.0"
}
