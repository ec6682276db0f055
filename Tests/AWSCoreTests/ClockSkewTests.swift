@testable import AWSCore
import Foundation
import Testing

@Suite("Clock-skew correction")
struct ClockSkewTests {
    private func skewed(_ code: String, serverDate: Date) -> HTTPResponse {
        .xml(403, "<ErrorResponse><Error><Code>\(code)</Code><Message>Signature expired</Message></Error></ErrorResponse>",
             headers: [("Date", AWSDateParser.rfc1123(serverDate))])
    }

    @Test("a skew error with a server Date 10 minutes ahead is retried once at the corrected time", arguments: [
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException", "SignatureDoesNotMatch",
    ])
    func correctsAndRetries(code: String) async throws {
        let serverDate = fixedNow.addingTimeInterval(600)
        let transport = FakeTransport(responses: [skewed(code, serverDate: serverDate), .xml(200, "<R/>")])
        let signer = FakeSigner()
        let recorder = Recorder()
        let client = makeClient(transport: transport, maxAttempts: 1, recorder: recorder, signer: signer)
        try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        #expect(transport.attempts == 2)
        #expect(signer.signingDates == [fixedNow, serverDate])
        #expect(client.clockOffset == 600)
        #expect(recorder.delays.isEmpty)
        // Later calls use the learned offset straight away.
        try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        #expect(signer.signingDates.last == serverDate)
    }

    @Test("a skew error within 4 minutes is not retried")
    func smallSkew() async throws {
        let transport = FakeTransport(responses: [skewed("SignatureDoesNotMatch", serverDate: fixedNow.addingTimeInterval(120))])
        let client = makeClient(transport: transport)
        let error = await #expect(throws: AWSError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(transport.attempts == 1)
        #expect(client.clockOffset == 0)
    }

    @Test("a second skew error after correcting is not retried again")
    func retriesOnce() async throws {
        let behind = fixedNow.addingTimeInterval(-900)
        let transport = FakeTransport([], fallback: .respond(skewed("RequestTimeTooSkewed", serverDate: behind)))
        let client = makeClient(transport: transport)
        await #expect(throws: AWSError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(transport.attempts == 2)
        #expect(client.clockOffset == -900)
    }

    @Test("no Date header: no correction")
    func noDate() async throws {
        let transport = FakeTransport(responses: [.xml(403, "<ErrorResponse><Error><Code>RequestExpired</Code></Error></ErrorResponse>")])
        let client = makeClient(transport: transport)
        await #expect(throws: AWSError.self) {
            try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
        }
        #expect(transport.attempts == 1)
    }
}
