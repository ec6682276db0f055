import Foundation

/// What `ferry doctor` checks: a project folder, an environment, and how to reach AWS.
public struct DoctorRequest: Sendable {
    public var projectDirectory: URL
    /// `--config`: a ferry.toml or samconfig.toml.
    public var configPath: URL?
    /// `--env`.
    public var environmentName: String?
    /// Flags and the process environment.
    public var session: AWSSessionOptions

    public init(projectDirectory: URL, configPath: URL? = nil, environmentName: String? = nil, session: AWSSessionOptions) {
        self.projectDirectory = projectDirectory
        self.configPath = configPath
        self.environmentName = environmentName
        self.session = session
    }
}
