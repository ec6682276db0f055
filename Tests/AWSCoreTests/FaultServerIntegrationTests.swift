import AWSCore
import Foundation
import Testing

/// The real URLSession transport against a scripted loopback server.
@Suite("Retries against a real loopback server", .serialized)
struct FaultServerIntegrationTests {
    let server: FaultServer

    init() throws { server = try FaultServer() }

    /// A CloudFormation client whose endpoint path selects the server's script.
    private func client(script: String, recorder: Recorder = Recorder(), maxAttempts: Int = 3) -> AWSClient {
        makeClient(transport: URLSessionTransport(), maxAttempts: maxAttempts, recorder: recorder,
                   signer: SigV4RequestSigner(), baseURL: "\(server.baseURL)/\(script)")
    }

    @Test("throttled twice, then success")
    func throttling() async throws {
        let script = "throttle,throttle,ok"
        let recorder = Recorder()
        try await client(script: script, recorder: recorder).query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        #expect(try await server.attempts(script) == 3)
        #expect(recorder.traceRecords.map(\.statusCode) == [400, 400, 200])
        let authorization = recorder.traceRecords.last?.requestHeaders.first { $0.name == "Authorization" }?.value
        #expect(authorization?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") == true)
        #expect(authorization?.hasSuffix("Signature=<redacted>") == true)
    }

    @Test("HTTP 500, then success")
    func serverError() async throws {
        let script = "500,ok"
        try await client(script: script).query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        #expect(try await server.attempts(script) == 2)
    }

    @Test("connection reset without a response, then success")
    func connectionReset() async throws {
        let script = "reset,ok"
        try await client(script: script).query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        #expect(try await server.attempts(script) == 2)
    }

    @Test("a non-retryable 400 fails at once with the service's error")
    func nonRetryable() async throws {
        let script = "invalid,ok"
        let error = await #expect(throws: AWSError.self) {
            try await client(script: script).query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(error?.code == "ValidationError")
        #expect(error?.message == "Stack with id x does not exist")
        #expect(try await server.attempts(script) == 1)
    }

    @Test("502 every time: gives up after max attempts with an HTTP502 error")
    func persistentBadGateway() async throws {
        let script = "502"
        let error = await #expect(throws: AWSError.self) {
            try await client(script: script, maxAttempts: 4).query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(error?.code == "HTTP502")
        #expect(error?.message.contains("502 from the fault server") == true)
        #expect(try await server.attempts(script) == 4)
    }

    @Test("an unreachable port gives a TransportError that names the host and port")
    func unreachable() async throws {
        let closed = FaultServer.closedPort()
        let recorder = Recorder()
        let client = makeClient(transport: URLSessionTransport(), maxAttempts: 2, recorder: recorder,
                                baseURL: "http://127.0.0.1:\(closed)")
        let error = await #expect(throws: TransportError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(error?.kind == .cannotConnect)
        #expect(error?.description.contains("127.0.0.1:\(closed)") == true)
        #expect(recorder.traceRecords.count == 2)
    }
}

extension FaultServer {
    /// A port nothing listens on: bound once by a throwaway server that is then stopped.
    static func closedPort() -> Int {
        guard let server = try? FaultServer() else { return 9 }
        let port = server.port
        server.stop()
        return port
    }
}
