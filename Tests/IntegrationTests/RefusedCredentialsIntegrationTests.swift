@testable import AWSCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

extension Integration {
    /// Row 65 of the exit-code table: AWS refuses the credentials. The emulator checks them only
    /// while moto's authentication is switched on (`/moto-api/reset-auth`), which these tests do
    /// around one `ferry` run each and always switch off again.
    @Suite struct RefusedCredentials {
        static let iam = AWSService(endpointPrefix: "iam", signingName: "iam", environmentID: "IAM", displayName: "IAM",
                                    wireProtocol: .query(apiVersion: "2010-05-08"), pascalCaseMembers: true, isGlobal: true)

        /// Switches moto's authentication on (`0`: from the next request) or off (`inf`).
        static func authentication(_ count: String, _ env: EmulatorEnvironment) async throws {
            var request = URLRequest(url: env.endpoint.appendingPathComponent("moto-api/reset-auth"))
            request.httpMethod = "POST"
            request.setValue("text/plain", forHTTPHeaderField: "Content-Type")  // moto reads the raw body
            request.httpBody = Data(count.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
        }

        /// An IAM user without any policy, and its access key (ID, secret).
        static func userWithoutPolicies(_ env: EmulatorEnvironment) async throws -> (String, String) {
            let client = env.client()
            _ = try await client.queryResponse(iam, action: "CreateUser", parameters: ["UserName": "nobody"])
            let response = try await client.queryResponse(iam, action: "CreateAccessKey", parameters: ["UserName": "nobody"])
            let text = String(decoding: response.body, as: UTF8.self)
            func element(_ name: String) -> String {
                guard let open = text.range(of: "<\(name)>"), let close = text.range(of: "</\(name)>") else { return "" }
                return String(text[open.upperBound..<close.lowerBound])
            }
            return (element("AccessKeyId"), element("SecretAccessKey"))
        }

        /// Runs `ferry verify` with authentication on and `keys` as the credentials.
        static func verify(keys: (String, String), _ env: EmulatorEnvironment) async throws -> FerryRun {
            let (_, folder) = try await Truth.project(in: env)
            let build = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(build.exitCode == 0, "\(build.output)")
            var variables = env.variables
            variables["AWS_ACCESS_KEY_ID"] = keys.0
            variables["AWS_SECRET_ACCESS_KEY"] = keys.1
            try await authentication("0", env)
            let run: FerryRun
            do {
                run = try await FerryRun.run(["verify", "--env", "dev"], in: folder.url, environment: variables)
            } catch {
                try await authentication("inf", env)
                throw error
            }
            try await authentication("inf", env)
            return run
        }

        /// A read refused after others were allowed is not a refusal of the credentials: verify
        /// exits 1, and the cause every function shares is said once.
        @Test func exit1_aReadRefusedForEveryFunctionIsSaidOnce() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let (_, folder) = try await Truth.project(in: env)
            let up = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(up.exitCode == 0, "\(up.output)")
            let keys = try await Self.userWithoutPolicies(env)
            let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudformation:*","sts:*","s3:*"],"Resource":"*"}]}"#
            _ = try await env.client().queryResponse(Self.iam, action: "PutUserPolicy",
                                                     parameters: ["UserName": "nobody", "PolicyName": "no-lambda", "PolicyDocument": policy])
            var variables = env.variables
            variables["AWS_ACCESS_KEY_ID"] = keys.0
            variables["AWS_SECRET_ACCESS_KEY"] = keys.1
            try await Self.authentication("0", env)
            let run: FerryRun
            do {
                run = try await FerryRun.run(["verify", "--env", "dev"], in: folder.url, environment: variables)
            } catch {
                try await Self.authentication("inf", env)
                throw error
            }
            try await Self.authentication("inf", env)
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stdout.contains("2 resource(s) not verified: "), "\(run.output)")
            // (moto refuses these Lambda reads with a 403 of its own; the cause is whatever it says, once)
            #expect(Truth.occurrences("GetFunctionConfiguration failed", in: run.stdout) == 1, "said once: \(run.output)")
            #expect(run.stdout.contains("Root/Fn, Root/Other"), "\(run.output)")
        }

        @Test func exit65_unknownAccessKey() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let run = try await Self.verify(keys: ("AKIAUNKNOWN000000000", "secret"), env)
            #expect(run.exitCode == 65, "\(run.output)")
            #expect(run.stderr.contains("InvalidClientTokenId"), "\(run.output)")
            #expect(run.stderr.contains("AWS refused the credentials"), "\(run.output)")
        }

        @Test func exit65_wrongSecret() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let (keyID, _) = try await Self.userWithoutPolicies(env)
            let run = try await Self.verify(keys: (keyID, "not-the-secret"), env)
            #expect(run.exitCode == 65, "\(run.output)")
            #expect(run.stderr.contains("SignatureDoesNotMatch"), "\(run.output)")
        }

        @Test func exit65_accessDeniedOnTheFirstCall() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let keys = try await Self.userWithoutPolicies(env)
            let run = try await Self.verify(keys: keys, env)
            #expect(run.exitCode == 65, "\(run.output)")
            #expect(run.stderr.contains("AccessDenied"), "\(run.output)")
            #expect(run.stderr.contains("the first call"), "\(run.output)")
        }
    }
}
