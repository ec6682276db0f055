@testable import AWSCore
import AWSSigV4
import Foundation
import Testing

@Suite("Credential chain order")
struct CredentialChainTests {
    static let credentialsFile = """
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = defaultsecret

        [dev]
        aws_access_key_id = AKIDDEV
        aws_secret_access_key = devsecret
        aws_session_token = devtoken
        """

    func chain(_ home: TemporaryHome, _ extra: [String: String] = [:], profile: String? = nil) throws -> CredentialProviderChain {
        let environment = home.environment(extra)
        return try AWSEnvironmentResolver(environment: environment, profile: profile, transport: URLSessionTransport()).credentialChain()
    }

    @Test func environmentComesBeforeTheDefaultProfile() async throws {
        let home = try TemporaryHome(credentials: Self.credentialsFile)
        let chain = try chain(home, ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "envtoken"])
        let credentials = try await chain.credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "envsecret", sessionToken: "envtoken"))
        #expect(try await chain.describeSource() == "environment")
        #expect(chain.expectedSourceDescription == "environment")
    }

    @Test func securityTokenIsTheOldNameOfTheSessionToken() async throws {
        let home = try TemporaryHome()
        let chain = try chain(home, ["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SECURITY_TOKEN": "old"])
        #expect(try await chain.credentials().sessionToken == "old")
    }

    @Test func halfSetEnvironmentIsAnError() async throws {
        let home = try TemporaryHome(credentials: Self.credentialsFile)
        let chain = try chain(home, ["AWS_ACCESS_KEY_ID": "AKIDENV"])
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("AWS_SECRET_ACCESS_KEY is not") == true)
    }

    @Test func defaultProfileWhenNoEnvironment() async throws {
        let home = try TemporaryHome(credentials: Self.credentialsFile)
        let chain = try chain(home)
        #expect(try await chain.credentials().accessKeyID == "AKIDDEFAULT")
        #expect(try await chain.describeSource() == "profile default in ~/.aws/credentials")
    }

    @Test func explicitProfileUsesOnlyThatProfile() async throws {
        let home = try TemporaryHome(credentials: Self.credentialsFile)
        let environment = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "envsecret"]
        let viaFlag = try chain(home, environment, profile: "dev")
        #expect(try await viaFlag.credentials() == AWSCredentials(accessKeyID: "AKIDDEV", secretAccessKey: "devsecret", sessionToken: "devtoken"))
        #expect(try await viaFlag.describeSource() == "profile dev in ~/.aws/credentials")

        let viaVariable = try chain(home, environment.merging(["AWS_PROFILE": "dev"]) { $1 })
        #expect(try await viaVariable.credentials().accessKeyID == "AKIDDEV")
        // The flag wins over AWS_PROFILE.
        let both = try chain(home, ["AWS_PROFILE": "dev"], profile: "default")
        #expect(try await both.credentials().accessKeyID == "AKIDDEFAULT")
    }

    @Test func explicitProfileWithoutCredentialsDoesNotFallBack() async throws {
        let home = try TemporaryHome(config: "[profile regiononly]\nregion = eu-west-1\n", credentials: Self.credentialsFile)
        let chain = try chain(home, ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s"], profile: "regiononly")
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        let message = error?.description ?? ""
        #expect(message.contains("profile regiononly in ~/.aws/config"))
        #expect(message.contains("aws configure"))
        #expect(!message.contains("environment:"))
    }

    @Test func unknownProfileListsFilesAndProfiles() throws {
        let home = try TemporaryHome(config: "[profile staging]\nregion = eu-west-1\n", credentials: Self.credentialsFile)
        let error = #expect(throws: CredentialsError.self) { try chain(home, profile: "prod") }
        let message = error?.description ?? ""
        #expect(message.contains("profile `prod`"))
        #expect(message.contains("~/.aws/credentials and ~/.aws/config"))
        #expect(message.contains("default, dev, staging"))

        let viaVariable = #expect(throws: CredentialsError.self) { try chain(home, ["AWS_PROFILE": "nope"]) }
        #expect(viaVariable?.description.contains("named by AWS_PROFILE") == true)
    }

    @Test func nothingConfiguredListsWhatWasTriedAndTheFix() async throws {
        let home = try TemporaryHome()
        let chain = try chain(home)
        #expect(chain.expectedSourceDescription == nil)
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        let message = error?.description ?? ""
        #expect(message.contains("environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"))
        #expect(message.contains("profile default: not found in ~/.aws/credentials and ~/.aws/config"))
        #expect(message.contains("container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
        #expect(message.contains("IMDS: disabled by AWS_EC2_METADATA_DISABLED=true"))
        #expect(message.contains("aws configure"))
        #expect(message.contains("AWS_PROFILE"))
        #expect(message.contains("export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
    }

    @Test func credentialsFileKeysThenProcessThenConfigKeys() async throws {
        let processJSON = #"{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "p"}"#
        let process = "credential_process = printf '%s' '\(processJSON)'"
        let home = try TemporaryHome(
            config: """
            [profile both]
            \(process)
            [profile configkeys]
            aws_access_key_id = AKIDCONFIG
            aws_secret_access_key = c
            \(process)
            [profile onlyconfig]
            aws_access_key_id = AKIDONLYCONFIG
            aws_secret_access_key = c
            """,
            credentials: "[both]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = s\n")
        #expect(try await chain(home, profile: "both").credentials().accessKeyID == "AKIDCREDS")
        #expect(try await chain(home, profile: "configkeys").credentials().accessKeyID == "AKIDPROCESS")
        #expect(try await chain(home, profile: "configkeys").describeSource() == "credential_process of profile configkeys")
        #expect(try await chain(home, profile: "onlyconfig").credentials().accessKeyID == "AKIDONLYCONFIG")
        #expect(try await chain(home, profile: "onlyconfig").describeSource() == "profile onlyconfig in ~/.aws/config")
    }

    @Test func profileWithKeyButNoSecretIsAnError() async throws {
        let home = try TemporaryHome(credentials: "[half]\naws_access_key_id = AKID\n")
        let chain = try chain(home, profile: "half")
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("no `aws_secret_access_key`") == true)
        #expect(error?.description.contains("~/.aws/credentials") == true)
    }

    @Test func chainKeepsUsingTheSourceThatYielded() async throws {
        let first = UnavailableCredentialSource("first", reason: "not here")
        let second = ProfileCredentialProvider(profile: AWSProfile(name: "p", values: [
            "aws_access_key_id": SharedConfigValue(value: "K", file: "f", line: 1),
            "aws_secret_access_key": SharedConfigValue(value: "S", file: "f", line: 2),
        ], files: ["f"]))
        let chain = CredentialProviderChain(sources: [first, second])
        #expect(try await chain.credentials().accessKeyID == "K")
        #expect(try await chain.describeSource() == "profile p in f")
    }
}
