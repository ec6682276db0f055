import AWSCore
import AWSSigV4
import Foundation
import Synchronization
import Testing
@testable import AWSServices

@Suite struct STSRoleAssumerTests {
    /// Records which credentials each client was made for.
    final class SignerSpy: RequestSigner {
        let seen = Mutex<[String]>([])
        func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
                  pathEncoding: SigningPathEncoding, date: Date) throws -> HTTPRequest {
            seen.withLock { $0.append(credentials.accessKeyID) }
            return request
        }
    }

    @Test func assumesTheRoleSignedWithTheSourceCredentials() async throws {
        let transport = FakeTransport([try Fixture.response("sts-assume-role.xml")])
        let spy = SignerSpy()
        let assumer = STSRoleAssumer { provider in
            AWSClient(credentialProvider: provider,
                      endpoints: { ServiceEndpoint(url: URL(string: "http://localhost:5077")!, signingRegion: "us-east-1", signingName: $0.signingName) },
                      transport: transport, retry: .standard(maxAttempts: 1), signer: spy)
        }
        let credentials = try await assumer.assumeRole(
            AssumeRoleRequest(roleARN: "arn:aws:iam::123456789012:role/demo", roleSessionName: "ferry-1", externalID: "ext", durationSeconds: 1800),
            using: AWSCredentials(accessKeyID: "AKIASOURCE", secretAccessKey: "secret"))
        #expect(credentials.accessKeyID == "ASIAIOSFODNN7EXAMPLE")
        #expect(credentials.sessionToken?.hasPrefix("AQoDYXdzEPT") == true)
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_573_306_481))
        #expect(spy.seen.withLock { $0 } == ["AKIASOURCE"])
        let form = try FakeTransport.form(transport.requests[0])
        #expect(form["Action"] == "AssumeRole")
        #expect(form["RoleArn"] == "arn:aws:iam::123456789012:role/demo")
        #expect(form["RoleSessionName"] == "ferry-1")
        #expect(form["ExternalId"] == "ext")
        #expect(form["DurationSeconds"] == "1800")
    }
}
