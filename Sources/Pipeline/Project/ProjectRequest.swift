import AWSCore
import Foundation

/// Which project, environment and AWS settings a command works on: the flags every command
/// shares (`--config`, `--env`, the AWS options, `--parameter`), the transport its AWS calls take
/// and the counter its loads go through.
struct ProjectRequest: Sendable {
    /// The project folder.
    var projectRoot: URL
    /// `--config`.
    var configPath: URL?
    /// `--env`.
    var environmentName: String?
    /// AWS settings from flags and the process environment.
    var session: AWSSessionOptions
    /// `--parameter K=V` overrides, in order.
    var parameterOverrides: [String] = []
    /// The HTTP transport of every AWS call (a fake in unit tests).
    var transport: any HTTPTransport = URLSessionTransport()
    /// Counts the loads of the command.
    var loads = ProjectLoads()
}
