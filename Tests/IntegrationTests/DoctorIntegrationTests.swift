import Foundation
import Testing

extension Integration {
    /// `ferry doctor` against the emulator, driving the real binary.
    @Suite struct Doctor {
        private func check(_ run: FerryRun, _ id: String) -> [String: Any]? {
            run.jsonLines.first { $0["event"] as? String == "doctor.check" && ($0["data"] as? [String: Any])?["id"] as? String == id }?["data"] as? [String: Any]
        }

        @Test func passesOnTheExampleAppAndNamesTheCaller() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let run = try await FerryRun.run(["doctor", "--json"], in: RepositoryPaths.exampleApp, environment: env.variables)
            #expect(run.exitCode == 0, "\(run.output)")
            let identity = try #require(check(run, "identity"), "\(run.output)")
            #expect(identity["status"] as? String == "ok")
            #expect((identity["detail"] as? String)?.contains("123456789012") == true)
            let template = try #require(check(run, "template"))
            #expect((template["detail"] as? String)?.contains("3 stack(s), 17 function(s), 1 layer(s)") == true)
            // The bucket does not exist yet: a warning in dev, with the command that creates it.
            let bucket = try #require(check(run, "artifact-bucket"))
            #expect(bucket["status"] as? String == "warning")
            #expect((bucket["fix"] as? String)?.contains("ferry package --create-bucket") == true)
        }

        @Test func productionWithoutItsBucketFails() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let run = try await FerryRun.run(["doctor", "--env", "prod", "--json"], in: RepositoryPaths.exampleApp, environment: env.variables)
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(check(run, "artifact-bucket")?["status"] as? String == "failed")
        }

        @Test func withoutCredentialsSaysWhatWasTriedAndTheFix() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let run = try await FerryRun.run(["doctor"], in: RepositoryPaths.exampleApp, environment: env.withoutCredentials)
            #expect(run.exitCode == 1)
            #expect(run.stdout.contains("✗ Credentials"), "\(run.output)")
            #expect(run.stdout.contains("aws configure"))
            #expect(!run.output.contains("Fatal error") && !run.output.contains("Stack dump"))
        }

        @Test func unknownProfileNamesTheProfileAndTheFiles() async throws {
            let env = try await EmulatorEnvironment.fresh()
            try env.home.write(".aws/credentials", "[default]\naws_access_key_id = a\naws_secret_access_key = b\n")
            let run = try await FerryRun.run(["doctor", "--profile", "nope"], in: RepositoryPaths.exampleApp, environment: env.withoutCredentials)
            #expect(run.exitCode == 1)
            #expect(run.stdout.contains("nope"), "\(run.output)")
            #expect(run.stdout.contains(".aws/credentials") || run.stdout.contains(".aws/config"), "\(run.output)")
        }

        @Test func malformedCredentialsFileNamesFileAndLine() async throws {
            let env = try await EmulatorEnvironment.fresh()
            try env.home.write(".aws/credentials", "[default]\naws_access_key_id = a\nthis line is broken\n")
            let run = try await FerryRun.run(["doctor"], in: RepositoryPaths.exampleApp, environment: env.withoutCredentials)
            #expect(run.exitCode == 1)
            #expect(run.stdout.contains("credentials:3") || run.stdout.contains("line 3"), "\(run.output)")
        }

        @Test func malformedFerryTomlNamesFileKeyAndLine() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let project = try TemporaryFolder("ferry-project")
            try project.write("template.yaml", "Resources: {}\n")
            try project.write("ferry.toml", "template = \"template.yaml\"\n[artifacts]\nbucket = \"b\"\n[env.dev]\nstack_name = \"s\"\nhotswp = true\n")
            let run = try await FerryRun.run(["doctor"], in: project.url, environment: env.variables)
            #expect(run.exitCode == 1)
            #expect(run.stdout.contains("ferry.toml:6"), "\(run.output)")
            #expect(run.stdout.contains("hotswap"), "\(run.output)")
        }

        @Test func unreachableEndpointIsAClearFailure() async throws {
            let env = try await EmulatorEnvironment.fresh()
            var variables = env.variables
            variables["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9"
            variables["AWS_MAX_ATTEMPTS"] = "1"
            let run = try await FerryRun.run(["doctor"], in: RepositoryPaths.exampleApp, environment: variables)
            #expect(run.exitCode == 1)
            #expect(run.stdout.contains("127.0.0.1:9"), "\(run.output)")
            #expect(run.stdout.contains("endpoint"), "\(run.output)")
        }

        @Test func noRegionSaysWhereToSetOne() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let project = try TemporaryFolder("ferry-project")
            try project.write("template.yaml", "Resources: {}\n")
            try project.write("ferry.toml", "template = \"template.yaml\"\n[artifacts]\nbucket = \"b\"\n[env.dev]\nstack_name = \"s\"\n")
            var variables = env.variables
            variables["AWS_REGION"] = nil
            let run = try await FerryRun.run(["doctor"], in: project.url, environment: variables)
            #expect(run.exitCode == 1)
            #expect(run.stdout.contains("AWS_REGION") || run.stdout.contains("--region"), "\(run.output)")
        }

        @Test func expiredProcessCredentialsAreRefusedWithAClearMessage() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let json = #"{"Version": 1, "AccessKeyId": "a", "SecretAccessKey": "b", "SessionToken": "c", "Expiration": "2020-01-01T00:00:00Z"}"#
            try env.home.write(".aws/config", "[profile old]\ncredential_process = echo '\(json)'\n")
            let run = try await FerryRun.run(["doctor", "--profile", "old"], in: RepositoryPaths.exampleApp, environment: env.withoutCredentials)
            #expect(run.exitCode == 1)
            #expect(run.stdout.lowercased().contains("expired"), "\(run.output)")
        }

        @Test func assumesARoleThroughSTSForARoleProfile() async throws {
            let env = try await EmulatorEnvironment.fresh()
            try env.home.write(".aws/credentials", "[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n")
            try env.home.write(".aws/config", "[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = base\nrole_session_name = ferry-test\n")
            let run = try await FerryRun.run(["doctor", "--profile", "deployer", "--json"], in: RepositoryPaths.exampleApp, environment: env.withoutCredentials)
            #expect(run.exitCode == 0, "\(run.output)")
            let identity = try #require(check(run, "identity"), "\(run.output)")
            #expect((identity["detail"] as? String)?.contains("assumed-role/deployer/ferry-test") == true, "\(run.output)")
        }

        @Test func credentialProcessProfileIsUsed() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let json = #"{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "s"}"#
            try env.home.write(".aws/config", "[profile tool]\ncredential_process = echo '\(json)'\n")
            let run = try await FerryRun.run(["doctor", "--profile", "tool", "--json"], in: RepositoryPaths.exampleApp, environment: env.withoutCredentials)
            #expect(run.exitCode == 0, "\(run.output)")
            #expect((check(run, "credentials")?["detail"] as? String)?.contains("process") == true, "\(run.output)")
        }
    }
}
