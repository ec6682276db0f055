import AWSSigV4
import Foundation

/// Credentials printed by a profile's `credential_process` command, run with `/bin/sh -c`;
/// cached until 5 minutes before they expire (for ever when they carry no expiration).
package struct ProcessCredentialProvider: CredentialSource {
    /// The command line as written in the profile.
    package let command: String
    /// The profile that names the command.
    package let profileName: String
    private let environment: [String: String]
    private let cache: CredentialCache
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - command: the `credential_process` value.
    ///   - profileName: for messages.
    ///   - environment: the environment the command runs with.
    package init(command: String, profileName: String, environment: [String: String],
                cache: CredentialCache = CredentialCache(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.command = command
        self.profileName = profileName
        self.environment = environment
        self.cache = cache
        self.now = now
    }

    /// `credential_process of profile dev`.
    package var sourceDescription: String { "credential_process of profile \(profileName)" }

    package func credentials() async throws -> AWSCredentials {
        try await cache.credentials { [self] in try await fetch() }
    }

    private func fetch() async throws -> AWSCredentials {
        let output = try await run()
        guard output.status == 0 else {
            throw CredentialsError(.processFailed(profile: profileName, command: command, exitCode: output.status,
                                                  stderr: String(decoding: output.stderr, as: UTF8.self)))
        }
        let credentials: AWSCredentials
        do {
            credentials = try CredentialsDocument.decode(output.stdout, requireVersion1: true)
        } catch {
            throw CredentialsError(.processOutputInvalid(profile: profileName, command: command, problem: error.message,
                                                          stderr: String(decoding: output.stderr, as: UTF8.self)))
        }
        try CredentialsDocument.rejectExpired(credentials, source: sourceDescription, now: now())
        return credentials
    }

    private func run() async throws -> ShellCommand.Output {
        do {
            return try await ShellCommand.run(command, environment: environment)
        } catch {
            throw CredentialsError(.processLaunchFailed(profile: profileName, command: command, underlying: error.localizedDescription))
        }
    }
}
