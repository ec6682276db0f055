@testable import AWSCore
import Foundation
import Testing

@Suite("Retries in standard mode")
struct RetryTests {
    private let throttle = HTTPResponse.xml(400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>")
    private let ok = HTTPResponse.xml(200, "<DescribeStacksResponse><DescribeStacksResult/></DescribeStacksResponse>")
    private let invalid = HTTPResponse.xml(400, "<ErrorResponse><Error><Code>ValidationError</Code><Message>no</Message></Error></ErrorResponse>")

    @Test("throttled twice, then success: three attempts, two backoff sleeps")
    func throttleThenSuccess() async throws {
        let transport = FakeTransport(responses: [throttle, throttle, ok])
        let recorder = Recorder()
        let client = makeClient(transport: transport, recorder: recorder)
        try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        #expect(transport.attempts == 3)
        #expect(recorder.delays == [.milliseconds(500), .seconds(1)])
        #expect(recorder.traceRecords.map(\.attempt) == [1, 2, 3])
        #expect(recorder.traceRecords.map(\.statusCode) == [400, 400, 200])
        #expect(client.retryQuota.availableTokens == 495)
    }

    @Test("a non-retryable error fails at once")
    func nonRetryable() async throws {
        let transport = FakeTransport(responses: [invalid, ok])
        let recorder = Recorder()
        let client = makeClient(transport: transport, recorder: recorder)
        await #expect(throws: AWSError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(transport.attempts == 1)
        #expect(recorder.delays.isEmpty)
    }

    @Test("gives up after maxAttempts with the last error")
    func maxAttempts() async throws {
        let transport = FakeTransport([], fallback: .respond(HTTPResponse(statusCode: 503)))
        let client = makeClient(transport: transport, maxAttempts: 5)
        let error = await #expect(throws: AWSError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(error?.code == "HTTP503")
        #expect(transport.attempts == 5)
    }

    @Test("transient transport failures are retried and cost the timeout price")
    func transportFailures() async throws {
        let transport = FakeTransport([.fail(.connectionLost), .fail(.timedOut), .respond(ok)])
        let client = makeClient(transport: transport)
        try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        #expect(transport.attempts == 3)
        #expect(client.retryQuota.availableTokens == 500 - 20 + 10)
    }

    @Test("an unknown host is not retried")
    func unknownHost() async throws {
        let transport = FakeTransport([.fail(.cannotFindHost)])
        let client = makeClient(transport: transport)
        await #expect(throws: TransportError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(transport.attempts == 1)
    }

    @Test("a reset on every attempt gives up saying where and after how many attempts")
    func persistentReset() async throws {
        let transport = FakeTransport([], fallback: .fail(.connectionLost))
        let client = makeClient(transport: transport, maxAttempts: 3, baseURL: "http://localhost:4566")
        let error = await #expect(throws: TransportError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(transport.attempts == 3)
        #expect(error?.attempts == 3)
        #expect(error?.description == "connection reset by localhost:4566 after 3 attempts")
    }

    @Test("an empty retry quota stops retrying")
    func quotaExhaustion() async throws {
        let transport = FakeTransport([], fallback: .respond(throttle))
        let client = makeClient(transport: transport, maxAttempts: 3)
        #expect(client.retryQuota.acquire(496))
        #expect(client.retryQuota.availableTokens == 4)
        await #expect(throws: AWSError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(transport.attempts == 1)
    }

    @Test("the quota drains across calls and refills on success")
    func quotaAccounting() async throws {
        let quota = RetryQuota(capacity: 12)
        #expect(quota.acquire(5))
        #expect(quota.acquire(5))
        #expect(!quota.acquire(5))
        quota.release(5)
        #expect(quota.availableTokens == 7)
        quota.release(100)
        #expect(quota.availableTokens == 12)
    }

    @Test("a one-shot body is never sent twice")
    func nonReplayableBody() async throws {
        let transport = FakeTransport(responses: [HTTPResponse(statusCode: 503), HTTPResponse(statusCode: 200)])
        let client = makeClient(transport: transport)
        let body = HTTPBody.oneShot(OneShotBody { Data("stream".utf8) })
        #expect(!body.isReplayable)
        await #expect(throws: AWSError.self) {
            _ = try await client.restXML(.s3, operation: "PutObject", method: "PUT", bucket: "b", key: "k",
                                         query: [], headers: [], body: body)
        }
        #expect(transport.attempts == 1)
    }

    @Test("jitter: delay = random × min(20 s, 1 s × 2^(attempt-1))")
    func jitterBounds() {
        let policy = RetryPolicy.standard()
        #expect(policy.delay(afterAttempt: 1, random: 0) == .zero)
        #expect(policy.delay(afterAttempt: 1, random: 0.999) == .seconds(0.999))
        #expect(policy.delay(afterAttempt: 2, random: 0.5) == .seconds(1))
        #expect(policy.delay(afterAttempt: 3, random: 1) == .seconds(4))
        #expect(policy.delay(afterAttempt: 5, random: 1) == .seconds(16))
        #expect(policy.delay(afterAttempt: 6, random: 1) == .seconds(20))
        #expect(policy.delay(afterAttempt: 60, random: 1) == .seconds(20))
        for attempt in 1...10 {
            for random in stride(from: 0.0, to: 1.0, by: 0.125) {
                let delay = policy.delay(afterAttempt: attempt, random: random)
                #expect(delay >= .zero && delay <= .seconds(20))
            }
        }
    }

    @Test("retry decisions by error kind")
    func reasons() {
        func make(_ code: String, _ status: Int) -> AWSError {
            AWSError(service: "S", operation: "O", code: code, message: "", requestID: nil, statusCode: status)
        }
        #expect(RetryMiddleware.reason(for: make("SlowDown", 503)) == .throttled)
        #expect(RetryMiddleware.reason(for: make("InternalError", 500)) == .transientResponse)
        #expect(RetryMiddleware.reason(for: make("AccessDenied", 403)) == nil)
        #expect(RetryMiddleware.reason(for: TransportError(kind: .connectionLost, url: URL(string: "http://x")!, underlying: "")) == .transportFailure)
        #expect(RetryMiddleware.reason(for: CancellationError()) == nil)
    }
}
