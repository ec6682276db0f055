import ArgumentParser

/// Ferry's documented exit codes.
public enum FerryExitCode: Int32, CaseIterable, Sendable {
    /// Everything worked (or there was nothing to do).
    case success = 0
    /// The operation ran and failed (a deploy rolled back, a check failed, code is stale).
    case failure = 1
    /// `--exit-code` was given and there is something to do (plan not up to date).
    case changesPending = 2
    /// Bad input: a flag, a config file, a template.
    case usage = 64
    /// Credentials, region or endpoint could not be resolved, or AWS refused them.
    case awsConfiguration = 65
    /// A required local tool is missing (python3, pip, node, npm, docker).
    case missingTool = 69
    /// Interrupted (Ctrl-C).
    case interrupted = 130

    public var exitCode: ExitCode { ExitCode(rawValue) }

    /// The table printed in `ferry --help`.
    public static let documentation = """
    Exit codes:
      0    success, or nothing to do
      1    the operation failed (deploy rolled back, a check failed, code is stale)
      2    with --exit-code: there are changes to apply
      64   bad input (flags, ferry.toml, samconfig.toml, templates)
      65   AWS credentials, region or endpoint could not be resolved or were refused
      69   a required local tool is missing
      130  interrupted
    """
}
