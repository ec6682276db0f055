import AWSCore
import AWSSigV4
import Foundation
import Synchronization
import Testing

@Suite("The middleware chain")
struct MiddlewareChainTests {
    /// Adds a header carrying the attempt number.
    struct Stamp: AWSMiddleware {
        func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse {
            var context = context
            context.request.setHeader("X-Ferry-Attempt", String(context.attempt))
            return try await next(context)
        }
    }

    @Test("extra middleware runs inside retry, once per attempt, before signing")
    func extraMiddleware() async throws {
        let transport = FakeTransport(responses: [HTTPResponse(statusCode: 503), .xml(200, "<R/>")])
        let stamp = Stamp()
        let client = AWSClient(
            credentialProvider: StaticCredentialProvider(testCredentials),
            endpoints: { _ in ServiceEndpoint(url: URL(string: "https://sts.amazonaws.com")!, signingRegion: "us-east-1", signingName: "sts") },
            transport: transport, signer: FakeSigner(), sleep: { _ in }, middleware: [stamp])
        try await client.query(.sts, action: "GetCallerIdentity", parameters: [:])
        #expect(transport.requests.map { $0.header("X-Ferry-Attempt") } == ["1", "2"])
        #expect(transport.requests.allSatisfy { $0.header("Authorization") != nil })
    }

    @Test("an endpoint that cannot be resolved fails before anything is sent, with its own error")
    func endpointFailure() async throws {
        struct NoRegion: Error {}
        let transport = FakeTransport([])
        let client = AWSClient(credentialProvider: StaticCredentialProvider(testCredentials),
                               endpoints: { _ in throw NoRegion() }, transport: transport, signer: FakeSigner())
        await #expect(throws: NoRegion.self) {
            try await client.query(.sts, action: "GetCallerIdentity", parameters: [:])
        }
        #expect(transport.attempts == 0)
    }

    @Test("credential failures are not retried and keep their error")
    func credentialFailure() async throws {
        struct NoCredentials: Error {}
        struct Failing: CredentialProvider {
            func credentials() async throws -> AWSCredentials { throw NoCredentials() }
        }
        let transport = FakeTransport([])
        let client = AWSClient(credentialProvider: Failing(),
                               endpoints: { _ in ServiceEndpoint(url: URL(string: "https://sts.amazonaws.com")!, signingRegion: "us-east-1", signingName: "sts") },
                               transport: transport, signer: FakeSigner())
        await #expect(throws: NoCredentials.self) {
            try await client.query(.sts, action: "GetCallerIdentity", parameters: [:])
        }
        #expect(transport.attempts == 0)
    }

    @Test("a protocol mismatch is an InvalidRequest error")
    func protocolMismatch() async throws {
        let client = makeClient(transport: FakeTransport([]))
        let error = await #expect(throws: AWSError.self) {
            try await client.query(.lambda, action: "ListFunctions", parameters: [:])
        }
        #expect(error?.code == "InvalidRequest")
        #expect(error?.statusCode == 0)
    }
}
