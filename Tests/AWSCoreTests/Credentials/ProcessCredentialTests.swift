@testable import AWSCore
import AWSSigV4
import Foundation
import Testing

@Suite("credential_process")
struct ProcessCredentialTests {
    /// A profile whose credential_process is a real script in the temporary home.
    func home(script: String) throws -> (TemporaryHome, String) {
        let home = try TemporaryHome()
        let scriptPath = try home.write("bin/creds.sh", script)
        let counter = home.path + "/runs"
        try home.write(".aws/config", "[profile proc]\ncredential_process = /bin/sh \"\(scriptPath)\" --flag\nregion = eu-west-1\n")
        return (home, counter)
    }

    @Test func runsTheCommandAndCachesUntilExpiry() async throws {
        let (home, counter) = try home(script: """
            echo run >> "$HOME/runs"
            cat <<JSON
            {"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "procsecret",
             "SessionToken": "proctoken", "Expiration": "2999-01-01T00:00:00Z", "Args": "$1"}
            JSON
            """)
        let chain = try AWSEnvironmentResolver(environment: home.environment(), profile: "proc").credentialChain()
        let first = try await chain.credentials()
        #expect(first.accessKeyID == "AKIDPROC")
        #expect(first.secretAccessKey == "procsecret")
        #expect(first.sessionToken == "proctoken")
        #expect(first.expiration == CredentialsDocument.parseDate("2999-01-01T00:00:00Z"))
        _ = try await chain.credentials()
        let runs = try String(contentsOfFile: counter, encoding: .utf8)
        #expect(runs == "run\n")
        #expect(try await chain.describeSource() == "credential_process of profile proc")
    }

    @Test func failingCommandShowsExitStatusAndStderr() async throws {
        let (home, _) = try home(script: "echo 'token expired, run sso login' >&2\nexit 3\n")
        let chain = try AWSEnvironmentResolver(environment: home.environment(), profile: "proc").credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        let message = error?.description ?? ""
        #expect(message.contains("exited with status 3"))
        #expect(message.contains("token expired, run sso login"))
        #expect(message.contains("profile proc"))
    }

    @Test func badJSONIsAClearError() async throws {
        let (home, _) = try home(script: "echo 'not json'\necho 'warning: x' >&2\n")
        let chain = try AWSEnvironmentResolver(environment: home.environment(), profile: "proc").credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("not a JSON object") == true)
        #expect(error?.description.contains("warning: x") == true)
    }

    @Test func wrongVersionAndMissingKeys() async throws {
        let (home, _) = try home(script: #"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}'"#)
        let chain = try AWSEnvironmentResolver(environment: home.environment(), profile: "proc").credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("`Version` is 2, must be 1") == true)

        let (other, _) = try self.home(script: #"echo '{"Version": 1, "AccessKeyId": "A"}'"#)
        let missing = try AWSEnvironmentResolver(environment: other.environment(), profile: "proc").credentialChain()
        let missingError = await #expect(throws: CredentialsError.self) { try await missing.credentials() }
        #expect(missingError?.description.contains("`SecretAccessKey` is missing") == true)
    }

    @Test func expiredCredentialsAreRejected() async throws {
        let (home, _) = try home(script: #"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "2001-02-03T04:05:06Z"}'"#)
        let chain = try AWSEnvironmentResolver(environment: home.environment(), profile: "proc").credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("expired at 2001-02-03T04:05:06Z") == true)
    }
}
