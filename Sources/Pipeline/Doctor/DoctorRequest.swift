import Foundation

/// What `ferry doctor` checks: a project folder, an environment, and how to reach AWS.
package struct DoctorRequest: Sendable {
    package var projectDirectory: URL
    /// `--config`: a ferry.toml or samconfig.toml.
    package var configPath: URL?
    /// `--env`.
    package var environmentName: String?
    /// Flags and the process environment.
    package var session: AWSSessionOptions

    package init(projectDirectory: URL, configPath: URL? = nil, environmentName: String? = nil, session: AWSSessionOptions) {
        self.projectDirectory = projectDirectory
        self.configPath = configPath
        self.environmentName = environmentName
        self.session = session
    }
}
