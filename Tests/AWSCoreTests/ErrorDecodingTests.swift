@testable import AWSCore
import Foundation
import Testing

@Suite("AWSError is decoded from every protocol's error format")
struct ErrorDecodingTests {
    private func failure(_ service: AWSService, _ response: HTTPResponse, method: String = "POST") async -> AWSError? {
        let client = makeClient(transport: FakeTransport(responses: [response]), maxAttempts: 1)
        do {
            switch service.wireProtocol {
            case .query:
                try await client.query(service, action: "DescribeStacks", parameters: [:])
            case .json:
                struct In: Encodable, Sendable {}
                struct Out: Decodable, Sendable {}
                let _: Out = try await client.json(service, operation: "GetLogEvents", input: In())
            case .restJSON:
                struct Out: Decodable, Sendable {}
                let _: Out = try await client.restJSON(service, operation: "GetFunction", method: method,
                                                       path: "/2015-03-31/functions/missing", query: [], headers: [], body: nil)
            case .restXML:
                _ = try await client.restXML(service, operation: "GetObject", method: method, bucket: "b", key: "k",
                                             query: [], headers: [], body: .empty)
            }
            return nil
        } catch let error as AWSError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("query: <ErrorResponse><Error>, with a readable description")
    func queryError() async throws {
        let error = try #require(await failure(.cloudFormation, .xml(400, String(decoding: try fixture("query_error.xml"), as: UTF8.self))))
        #expect(error.code == "ValidationError")
        #expect(error.message == "Stack with id my-app does not exist")
        #expect(error.requestID == "5ccc7dcd-744c-11e5-be70-example")
        #expect(error.statusCode == 400)
        #expect(error.service == "CloudFormation")
        #expect(error.operation == "DescribeStacks")
        #expect(error.description == "CloudFormation DescribeStacks failed: ValidationError: Stack with id my-app does not exist (request ID 5ccc7dcd-744c-11e5-be70-example)")
        #expect(!error.isRetryable && !error.isThrottling && !error.isAccessDenied)
    }

    @Test("S3: <Error> document, request ID from the body")
    func s3Error() async throws {
        let error = try #require(await failure(.s3, .xml(404, String(decoding: try fixture("s3_error.xml"), as: UTF8.self)), method: "GET"))
        #expect(error.code == "NoSuchBucket")
        #expect(error.message == "The specified bucket does not exist")
        #expect(error.requestID == "4442587FB7D0A2F9")
    }

    @Test("S3 HEAD responses have no body: the code comes from the status")
    func s3HeadError() async throws {
        let notFound = try #require(await failure(.s3, HTTPResponse(statusCode: 404, headers: [("x-amz-request-id", "R1")]), method: "HEAD"))
        #expect(notFound.code == "NotFound")
        #expect(notFound.requestID == "R1")
        let forbidden = try #require(await failure(.s3, HTTPResponse(statusCode: 403), method: "HEAD"))
        #expect(forbidden.code == "Forbidden")
        #expect(forbidden.isAccessDenied)
        let getMissing = try #require(await failure(.s3, HTTPResponse(statusCode: 404), method: "GET"))
        #expect(getMissing.code == "NoSuchKey")
    }

    @Test("rest-json: x-amzn-ErrorType header wins and loses its :http suffix")
    func restJSONError() async throws {
        let response = HTTPResponse.json(404, String(decoding: try fixture("lambda_error.json"), as: UTF8.self), headers: [
            ("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/"),
            ("x-amzn-RequestId", "req-1"),
        ])
        let error = try #require(await failure(.lambda, response))
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.message.hasPrefix("Function not found"))
        #expect(error.requestID == "req-1")
    }

    @Test("rest-json: code and message from the body when there is no header")
    func restJSONBodyError() async throws {
        let error = try #require(await failure(.appSync, .json(400, #"{"errorType":"x","code":"BadRequestException","Message":"bad"}"#)))
        #expect(error.code == "BadRequestException")
        #expect(error.message == "bad")
    }

    @Test("json: __type with a namespace prefix")
    func jsonError() async throws {
        let error = try #require(await failure(.cloudWatchLogs, .json(400, String(decoding: try fixture("logs_error.json"), as: UTF8.self))))
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.message == "The specified log group does not exist.")
    }

    @Test("an HTML 502 from a proxy is a clear, retryable error with an excerpt")
    func html502() async throws {
        let response = HTTPResponse(statusCode: 502, headers: [("Content-Type", "text/html")], body: try fixture("html_502.html"))
        let error = try #require(await failure(.cloudFormation, response))
        #expect(error.code == "HTTP502")
        #expect(error.statusCode == 502)
        #expect(error.message.contains("502"))
        #expect(error.message.contains("502 Bad Gateway nginx") || error.message.contains("Bad Gateway"))
        #expect(!error.message.contains("<html>"))
        #expect(error.isRetryable)
        #expect(!error.isServiceError)
    }

    @Test("an empty 503 is a clear, retryable error")
    func empty503() async throws {
        let error = try #require(await failure(.lambda, HTTPResponse(statusCode: 503)))
        #expect(error.code == "HTTP503")
        #expect(error.message.contains("503") && error.message.contains("empty body"))
        #expect(error.isRetryable)
        #expect(error.description.hasPrefix("Lambda GetFunction failed: HTTP503: HTTP 503"))
    }

    @Test("code sanitising strips namespaces and suffixes")
    func sanitize() {
        #expect(AWSErrorDecoder.sanitize(code: "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral") == "FooError")
        #expect(AWSErrorDecoder.sanitize(code: "com.amazonaws.states#ExecutionDoesNotExist") == "ExecutionDoesNotExist")
        #expect(AWSErrorDecoder.sanitize(code: "ThrottlingException") == "ThrottlingException")
    }

    @Test("classification: throttling, transient, access denied, expired token")
    func classification() {
        func make(_ code: String, _ status: Int = 400, _ message: String = "") -> AWSError {
            AWSError(service: "S", operation: "Op", code: code, message: message, requestID: nil, statusCode: status)
        }
        for code in ["Throttling", "ThrottlingException", "TooManyRequestsException", "SlowDown", "RequestLimitExceeded",
                     "ProvisionedThroughputExceededException", "EC2ThrottledException", "PriorRequestNotComplete"] {
            #expect(make(code).isThrottling, "\(code)")
            #expect(make(code).isRetryable, "\(code)")
        }
        #expect(make("Whatever", 429).isThrottling)
        for code in ["RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable"] {
            #expect(make(code).isRetryable && !make(code).isThrottling, "\(code)")
        }
        for status in [500, 502, 503, 504] { #expect(make("X", status).isRetryable) }
        #expect(!make("ValidationError").isRetryable)
        #expect(!make("X", 501).isRetryable)
        #expect(make("AccessDenied", 403).isAccessDenied)
        #expect(make("AccessDeniedException", 403).isAccessDenied)
        #expect(!make("ExpiredToken", 403).isAccessDenied)
        #expect(make("ExpiredToken", 403).isExpiredToken)
        #expect(make("ExpiredTokenException").isExpiredToken)
        #expect(make("UnrecognizedClientException", 403, "The security token included in the request is expired").isExpiredToken)
        #expect(!make("ValidationError").isExpiredToken)
    }
}

@Suite("AWSError hints")
struct AWSErrorHintTests {
    private func make(_ code: String, _ status: Int) -> AWSError {
        AWSError(service: "Lambda", operation: "UpdateFunctionCode", code: code, message: "", requestID: nil, statusCode: status)
    }

    @Test("hints say what to do for credentials, permissions, clocks and throttling")
    func hints() {
        #expect(make("ExpiredToken", 403).hint?.contains("refresh the credentials") == true)
        #expect(make("AccessDeniedException", 403).hint?.contains("Lambda UpdateFunctionCode") == true)
        #expect(make("RequestTimeTooSkewed", 403).hint?.contains("clock") == true)
        #expect(make("TooManyRequestsException", 429).hint?.contains("throttling") == true)
        #expect(make("HTTP503", 503).hint?.contains("temporary") == true)
        #expect(make("ValidationError", 400).hint == nil)
    }
}
