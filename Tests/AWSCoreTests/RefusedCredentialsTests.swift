@testable import AWSCore
import Foundation
import Testing

/// Which AWS errors mean "AWS refused the credentials" (Ferry exits 65 for them).
@Suite("refused credentials")
struct RefusedCredentialsTests {
    private func make(_ code: String, _ status: Int = 403, firstCall: Bool = false) -> AWSError {
        var error = AWSError(service: "CloudFormation", operation: "DescribeStacks", code: code, message: "",
                             requestID: nil, statusCode: status)
        error.onFirstCall = firstCall
        return error
    }

    private func errorDocument(_ code: String) -> HTTPResponse {
        .xml(403, "<ErrorResponse><Error><Code>\(code)</Code><Message>no</Message></Error></ErrorResponse>")
    }

    @Test("bad keys, signatures and expired tokens are refusals on any call")
    func refusalCodes() {
        for code in ["SignatureDoesNotMatch", "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId",
                     "ExpiredToken", "ExpiredTokenException"] {
            #expect(make(code).refusesCredentials, "\(code)")
            #expect(make(code).hint != nil, "\(code)")
        }
        #expect(!make("ValidationError", 400).refusesCredentials)
        #expect(!make("NoSuchKey", 404).refusesCredentials)
    }

    @Test("AccessDenied is a refusal only on the first call")
    func accessDeniedOnFirstCall() {
        #expect(make("AccessDenied", firstCall: true).refusesCredentials)
        #expect(make("AccessDeniedException", firstCall: true).refusesCredentials)
        #expect(!make("AccessDenied").refusesCredentials)
    }

    @Test("the client marks AccessDenied as first-call until a call was answered")
    func clientMarksFirstCall() async throws {
        let transport = FakeTransport(responses: [
            errorDocument("AccessDenied"),
            .xml(200, "<DescribeStacksResponse><DescribeStacksResult/></DescribeStacksResponse>"),
            errorDocument("AccessDenied"),
        ])
        let client = makeClient(transport: transport, maxAttempts: 1)
        func call() async -> AWSError? {
            do {
                try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:])
                return nil
            } catch { return error as? AWSError }
        }
        let first = try #require(await call())
        #expect(first.onFirstCall && first.refusesCredentials)
        #expect(await call() == nil)
        let later = try #require(await call())
        #expect(!later.onFirstCall && !later.refusesCredentials)
    }

    @Test("a service error that is not a refusal counts as an answer")
    func otherErrorsCountAsAnswered() async throws {
        let transport = FakeTransport(responses: [
            .xml(400, "<ErrorResponse><Error><Code>ValidationError</Code><Message>Stack with id x does not exist</Message></Error></ErrorResponse>"),
            errorDocument("AccessDenied"),
        ])
        let client = makeClient(transport: transport, maxAttempts: 1)
        for _ in 0..<2 {
            do { try await client.query(.cloudFormation, action: "DescribeStacks", parameters: [:]) } catch let error as AWSError {
                #expect(!error.refusesCredentials, "\(error)")
            }
        }
    }
}
