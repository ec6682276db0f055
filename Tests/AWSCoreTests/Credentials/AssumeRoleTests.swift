@testable import AWSCore
import AWSSigV4
import Foundation
import Testing

@Suite("Assume role profiles")
struct AssumeRoleTests {
    func chain(_ home: TemporaryHome, profile: String, assumer: FakeRoleAssumer,
               _ extra: [String: String] = [:]) throws -> CredentialProviderChain {
        try AWSEnvironmentResolver(environment: home.environment(extra), profile: profile, roleAssumer: assumer).credentialChain()
    }

    @Test func sourceProfileSignsTheCallAndTheResultIsCached() async throws {
        let home = try TemporaryHome(
            config: """
            [profile deploy]
            role_arn = arn:aws:iam::123456789012:role/deploy
            source_profile = base
            external_id = ext-42
            role_session_name = ci-run
            duration_seconds = 1800
            """,
            credentials: "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n")
        let assumer = FakeRoleAssumer()
        let chain = try chain(home, profile: "deploy", assumer: assumer)

        let first = try await chain.credentials()
        let second = try await chain.credentials()
        #expect(first.accessKeyID == "ASIA-deploy-1")
        #expect(second == first)
        #expect(assumer.recorded.count == 1)
        let call = try #require(assumer.recorded.first)
        #expect(call.request == AssumeRoleRequest(roleARN: "arn:aws:iam::123456789012:role/deploy", roleSessionName: "ci-run",
                                                  externalID: "ext-42", durationSeconds: 1800))
        #expect(call.using == AWSCredentials(accessKeyID: "AKIDBASE", secretAccessKey: "basesecret"))
        #expect(try await chain.describeSource() == "assume role arn:aws:iam::123456789012:role/deploy via profile base")
    }

    @Test func credentialsExpiringWithinFiveMinutesAreRefreshed() async throws {
        let home = try TemporaryHome(
            config: "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n",
            credentials: "[base]\naws_access_key_id = A\naws_secret_access_key = S\n")
        let assumer = FakeRoleAssumer(lifetime: 240)
        let chain = try chain(home, profile: "r", assumer: assumer)
        let first = try await chain.credentials()
        let second = try await chain.credentials()
        #expect(first.accessKeyID == "ASIA-r-1")
        #expect(second.accessKeyID == "ASIA-r-2")
        #expect(assumer.recorded.count == 2)
        // Generated session names.
        #expect(assumer.recorded[0].request.roleSessionName.hasPrefix("ferry-"))
    }

    @Test func sourceProfilesChain() async throws {
        let home = try TemporaryHome(
            config: """
            [profile top]
            role_arn = arn:aws:iam::1:role/top
            source_profile = middle
            [profile middle]
            role_arn = arn:aws:iam::1:role/middle
            source_profile = base
            """,
            credentials: "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = S\n")
        let assumer = FakeRoleAssumer()
        let chain = try chain(home, profile: "top", assumer: assumer)
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyID == "ASIA-top-2")
        let calls = assumer.recorded
        #expect(calls.map(\.request.roleARN) == ["arn:aws:iam::1:role/middle", "arn:aws:iam::1:role/top"])
        #expect(calls[0].using.accessKeyID == "AKIDBASE")
        #expect(calls[1].using.accessKeyID == "ASIA-middle-1")
    }

    @Test func cyclesAreDetected() throws {
        let home = try TemporaryHome(config: """
            [profile a]
            role_arn = arn:aws:iam::1:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::1:role/b
            source_profile = c
            [profile c]
            role_arn = arn:aws:iam::1:role/c
            source_profile = a
            """)
        let error = #expect(throws: CredentialsError.self) { try chain(home, profile: "a", assumer: FakeRoleAssumer()) }
        #expect(error?.description.contains("cycle: a -> b -> c -> a") == true)
    }

    @Test func selfReferenceUsesTheProfilesOwnKeys() async throws {
        let home = try TemporaryHome(
            config: "[profile me]\nrole_arn = arn:aws:iam::1:role/me\nsource_profile = me\n",
            credentials: "[me]\naws_access_key_id = AKIDME\naws_secret_access_key = S\n")
        let assumer = FakeRoleAssumer()
        let chain = try chain(home, profile: "me", assumer: assumer)
        #expect(try await chain.credentials().accessKeyID == "ASIA-me-1")
        #expect(assumer.recorded.first?.using.accessKeyID == "AKIDME")

        let noKeys = try TemporaryHome(config: "[profile me]\nrole_arn = arn:aws:iam::1:role/me\nsource_profile = me\n")
        let error = #expect(throws: CredentialsError.self) { try self.chain(noKeys, profile: "me", assumer: assumer) }
        #expect(error?.description.contains("cycle: me -> me") == true)
    }

    @Test func credentialSourceEnvironment() async throws {
        let home = try TemporaryHome(config: "[profile env]\nrole_arn = arn:aws:iam::1:role/env\ncredential_source = Environment\n")
        let assumer = FakeRoleAssumer()
        let chain = try chain(home, profile: "env", assumer: assumer, ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "S"])
        #expect(try await chain.credentials().accessKeyID == "ASIA-env-1")
        #expect(assumer.recorded.first?.using.accessKeyID == "AKIDENV")
        #expect(try await chain.describeSource() == "assume role arn:aws:iam::1:role/env via Environment")

        let withoutKeys = try self.chain(home, profile: "env", assumer: assumer)
        let error = await #expect(throws: CredentialsError.self) { try await withoutKeys.credentials() }
        #expect(error?.description.contains("its source Environment has no credentials") == true)
    }

    @Test func invalidRoleConfigurations() throws {
        let home = try TemporaryHome(config: """
            [profile both]
            role_arn = arn:aws:iam::1:role/x
            source_profile = base
            credential_source = Environment
            [profile neither]
            role_arn = arn:aws:iam::1:role/x
            [profile badsource]
            role_arn = arn:aws:iam::1:role/x
            credential_source = Laptop
            [profile missing]
            role_arn = arn:aws:iam::1:role/x
            source_profile = ghost
            [profile baddur]
            role_arn = arn:aws:iam::1:role/x
            credential_source = Environment
            duration_seconds = forever
            """)
        let assumer = FakeRoleAssumer()
        let environment = home.environment()
        func message(_ profile: String) -> String {
            let error = #expect(throws: CredentialsError.self) {
                try AWSEnvironmentResolver(environment: environment, profile: profile, roleAssumer: assumer).credentialChain()
            }
            return error?.description ?? ""
        }
        #expect(message("both").contains("either source_profile or credential_source, not both"))
        #expect(message("both").contains("~/.aws/config line 2"))
        #expect(message("neither").contains("role_arn needs source_profile"))
        #expect(message("badsource").contains("credential_source = Laptop"))
        #expect(message("missing").contains("profile `ghost` (named by source_profile of profile missing)"))
        #expect(message("baddur").contains("duration_seconds = forever"))
    }

    @Test func roleProfileWithoutAnSTSClientFailsClearly() async throws {
        let home = try TemporaryHome(
            config: "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n",
            credentials: "[base]\naws_access_key_id = A\naws_secret_access_key = S\n")
        let chain = try AWSEnvironmentResolver(environment: home.environment(), profile: "r").credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("no STS client") == true)
    }

    @Test func stsFailuresAreWrapped() async throws {
        struct Denied: RoleAssumer {
            func assumeRole(_ request: AssumeRoleRequest, using credentials: AWSCredentials) async throws -> AWSCredentials {
                throw DeniedError()
            }
        }
        struct DeniedError: Error, CustomStringConvertible { var description: String { "AccessDenied: not authorized" } }
        let home = try TemporaryHome(
            config: "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n",
            credentials: "[base]\naws_access_key_id = A\naws_secret_access_key = S\n")
        let chain = try AWSEnvironmentResolver(environment: home.environment(), profile: "r", roleAssumer: Denied()).credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("assuming arn:aws:iam::1:role/r with credentials from profile base failed: AccessDenied") == true)
    }
}
