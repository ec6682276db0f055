import AWSCore
import Foundation

/// Which project, environment and AWS settings a command works on: the flags every command
/// shares (`--config`, `--env`, the AWS options, `--parameter`), the transport its AWS calls take
/// and the counter its loads go through.
///
/// A phase's `run` takes it and resolves it once into a `ResolvedProject`; the phase's own
/// `Options` carry only what is the phase's own (`--concurrency`, `--dry-run`, `--stack`, …).
package struct ProjectRequest: Sendable {
    /// The project folder.
    package var projectRoot: URL
    /// `--config`.
    package var configPath: URL?
    /// `--env`.
    package var environmentName: String?
    /// AWS settings from flags and the process environment.
    package var session: AWSSessionOptions
    /// `--parameter K=V` overrides, in order.
    package var parameterOverrides: [String] = []
    /// The HTTP transport of every AWS call (a fake in unit tests).
    package var transport: any HTTPTransport = URLSessionTransport()
    /// Counts the loads of the command.
    package var loads = ProjectLoads()

    /// A request; the transport is the real one and the loads are counted afresh unless set.
    package init(projectRoot: URL, configPath: URL? = nil, environmentName: String? = nil, session: AWSSessionOptions,
                 parameterOverrides: [String] = [], transport: any HTTPTransport = URLSessionTransport(),
                 loads: ProjectLoads = ProjectLoads()) {
        self.projectRoot = projectRoot
        self.configPath = configPath
        self.environmentName = environmentName
        self.session = session
        self.parameterOverrides = parameterOverrides
        self.transport = transport
        self.loads = loads
    }
}
