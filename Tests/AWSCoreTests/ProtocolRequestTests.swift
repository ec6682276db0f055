import AWSCore
import Foundation
import Testing

private struct Empty: Codable, Sendable {}

private struct StackSummary: Decodable, Sendable {
    var stackName: String
    var stackStatus: String
    var creationTime: Date
    var lastUpdatedTime: Date?
    var roleARN: String?
    var outputs: QueryList<Output>
    var tags: QueryList<Tag>
    struct Output: Decodable, Sendable { var outputKey: String; var outputValue: String }
    struct Tag: Decodable, Sendable { var key: String; var value: String }
}

private struct DescribeStacksOutput: Decodable, Sendable { var stacks: QueryList<StackSummary> }

@Suite("Wire protocols build requests")
struct ProtocolRequestTests {
    @Test("query: POST / with Action, Version and sorted, encoded parameters")
    func queryRequest() async throws {
        let transport = FakeTransport(responses: [.xml(200, String(decoding: try fixture("describe_stacks.xml"), as: UTF8.self))])
        let client = makeClient(transport: transport)
        let output: DescribeStacksOutput = try await client.query(
            .cloudFormation, action: "DescribeStacks",
            parameters: ["StackName": "my app/x", "Parameters.member.1.ParameterValue": "a=b&c"])
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://cloudformation.eu-central-1.amazonaws.com/")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(request.bodyText == "Action=DescribeStacks&Version=2010-05-15&Parameters.member.1.ParameterValue=a%3Db%26c&StackName=my%20app%2Fx")
        #expect(request.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") == true)
        let stack = try #require(output.stacks.member.first)
        #expect(stack.stackName == "my-app")
        #expect(stack.roleARN == "arn:aws:iam::123456789012:role/deployer")
        #expect(stack.outputs.member.first?.outputKey == "ApiUrl")
        #expect(stack.tags.member.isEmpty)
        #expect(abs(stack.creationTime.timeIntervalSince1970 - 1_795_777_200.096) < 0.0005)
    }

    @Test("query: an action without a result element decodes an all-optional output")
    func queryWithoutResult() async throws {
        struct Nothing: Decodable, Sendable { var stackId: String? }
        let body = "<DeleteStackResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteStackResponse>"
        let client = makeClient(transport: FakeTransport(responses: [.xml(200, body), .xml(200, body)]))
        let output: Nothing = try await client.query(.cloudFormation, action: "DeleteStack", parameters: ["StackName": "s"])
        #expect(output.stackId == nil)
        try await client.query(.cloudFormation, action: "DeleteStack", parameters: ["StackName": "s"])
    }

    @Test("json: POST / with X-Amz-Target and the versioned content type, camelCase members kept")
    func jsonRequest() async throws {
        struct Input: Encodable, Sendable { var logGroupName: String; var startTime: Date; var limit: Int? }
        struct Event: Decodable, Sendable { var message: String; var timestamp: Date }
        struct Output: Decodable, Sendable { var events: [Event]; var nextToken: String? }
        let transport = FakeTransport(responses: [.json(200, #"{"events":[{"message":"hi","timestamp":1795777200.5}],"nextToken":"t2"}"#)])
        let client = makeClient(transport: transport)
        let output: Output = try await client.json(.cloudWatchLogs, operation: "FilterLogEvents",
                                                   input: Input(logGroupName: "/aws/lambda/fn", startTime: Date(timeIntervalSince1970: 1_795_777_200), limit: nil))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://logs.eu-central-1.amazonaws.com/")
        #expect(request.header("X-Amz-Target") == "Logs_20140328.FilterLogEvents")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(request.bodyText == #"{"logGroupName":"/aws/lambda/fn","startTime":1795777200}"#)
        #expect(output.events.first?.message == "hi")
        #expect(output.events.first?.timestamp == Date(timeIntervalSince1970: 1_795_777_200.5))
        #expect(output.nextToken == "t2")
    }

    @Test("json 1.0: Step Functions target and content type")
    func json10Request() async throws {
        struct Input: Encodable, Sendable { var stateMachineArn: String }
        let transport = FakeTransport(responses: [.json(200, "")])
        let _: Empty = try await makeClient(transport: transport).json(.stepFunctions, operation: "DescribeStateMachine",
                                                                       input: Input(stateMachineArn: "arn:x"))
        let request = try #require(transport.requests.first)
        #expect(request.header("X-Amz-Target") == "AWSStepFunctions.DescribeStateMachine")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.0")
    }

    @Test("rest-json: PascalCase members for Lambda, dictionary keys untouched, lenient dates")
    func restJSONLambda() async throws {
        struct Input: Encodable, Sendable { var functionName: String; var environment: [String: String] }
        struct Configuration: Decodable, Sendable {
            var functionName: String; var codeSha256: String; var lastModified: Date
            var environment: Environment
            struct Environment: Decodable, Sendable { var variables: [String: String] }
        }
        struct Output: Decodable, Sendable { var configuration: Configuration; var tags: [String: String] }
        let transport = FakeTransport(responses: [.json(200, String(decoding: try fixture("get_function.json"), as: UTF8.self))])
        let client = makeClient(transport: transport)
        let output: Output = try await client.restJSON(
            .lambda, operation: "GetFunction", method: "PUT", path: "/2015-03-31/functions/my-fn/configuration",
            query: [("Qualifier", "$LATEST")], headers: [("X-Custom", "1")],
            body: Input(functionName: "my-fn", environment: ["lower_key": "v"]))
        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.url.absoluteString == "https://lambda.eu-central-1.amazonaws.com/2015-03-31/functions/my-fn/configuration?Qualifier=%24LATEST")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("X-Custom") == "1")
        #expect(request.bodyText == #"{"Environment":{"lower_key":"v"},"FunctionName":"my-fn"}"#)
        #expect(output.configuration.functionName == "my-fn")
        #expect(output.configuration.environment.variables["TABLE_NAME"] == "items")
        #expect(output.tags == ["team": "core"])
        #expect(abs(output.configuration.lastModified.timeIntervalSince1970 - 1_795_777_200.096) < 0.0005)
    }

    @Test("rest-json: AppSync keeps camelCase; GET without a body has no content type")
    func restJSONAppSync() async throws {
        struct Output: Decodable, Sendable { var graphqlApi: Api; struct Api: Decodable, Sendable { var apiId: String } }
        let transport = FakeTransport(responses: [.json(200, #"{"graphqlApi":{"apiId":"abc"}}"#)])
        let output: Output = try await makeClient(transport: transport).restJSON(
            .appSync, operation: "GetGraphqlApi", method: "GET", path: "/v1/apis/abc", query: [], headers: [], body: nil)
        #expect(output.graphqlApi.apiId == "abc")
        let request = try #require(transport.requests.first)
        #expect(request.header("Content-Type") == nil)
        #expect(request.url.absoluteString == "https://appsync.eu-central-1.amazonaws.com/v1/apis/abc")
    }

    @Test("rest-xml: virtual-hosted bucket, key encoded once with / kept, S3 path signing")
    func restXMLVirtualHosted() async throws {
        let transport = FakeTransport(responses: [HTTPResponse(statusCode: 200)])
        let client = makeClient(transport: transport)
        _ = try await client.restXML(.s3, operation: "PutObject", method: "PUT", bucket: "ferry-artifacts",
                                     key: "app/ä b+c%/x.zip", query: [("x-id", "PutObject")],
                                     headers: [("Content-Type", "application/zip")], body: .data(Data("zip".utf8)))
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString
            == "https://ferry-artifacts.s3.eu-central-1.amazonaws.com/app/%C3%A4%20b%2Bc%25/x.zip?x-id=PutObject")
        #expect(request.header("Authorization")?.hasSuffix("s3") == true)
        #expect(request.bodyText == "zip")
    }

    @Test("rest-xml: path style on custom endpoints and for buckets with dots over HTTPS")
    func restXMLPathStyle() async throws {
        let transport = FakeTransport(responses: [])
        let local = makeClient(transport: transport, pathStyle: true, baseURL: "http://127.0.0.1:5000")
        _ = try await local.restXML(.s3, operation: "GetObject", method: "GET", bucket: "my-bucket", key: "a/b.txt",
                                    query: [], headers: [], body: .empty)
        _ = try await local.restXML(.s3, operation: "ListBuckets", method: "GET", bucket: nil, key: nil,
                                    query: [], headers: [], body: .empty)
        let dotted = makeClient(transport: transport)
        _ = try await dotted.restXML(.s3, operation: "HeadBucket", method: "HEAD", bucket: "my.bucket", key: nil,
                                     query: [], headers: [], body: .empty)
        let urls = transport.requests.map(\.url.absoluteString)
        #expect(urls == ["http://127.0.0.1:5000/my-bucket/a/b.txt", "http://127.0.0.1:5000/",
                         "https://s3.eu-central-1.amazonaws.com/my.bucket"])
    }

    @Test("decodeXML maps PascalCase elements and reads S3 dates and entities")
    func decodeXML() throws {
        struct Object: Decodable, Sendable { var key: String; var lastModified: Date; var eTag: String; var size: Int }
        struct ListOutput: Decodable, Sendable {
            var name: String; var isTruncated: Bool; var nextContinuationToken: String?; var contents: [Object]
        }
        let client = makeClient(transport: FakeTransport([]))
        let output = try client.decodeXML(ListOutput.self, from: try fixture("list_objects_v2.xml"), service: .s3)
        #expect(output.name == "ferry-artifacts")
        #expect(output.isTruncated)
        #expect(output.nextContinuationToken == "1ueGcxLPRx1Tr")
        #expect(output.contents.map(\.key) == ["app/a.zip", "app/b c.zip"])
        #expect(output.contents.first?.eTag == "\"70ee1738b6b21e2c8a43f3a5ab0eee71\"")
        #expect(output.contents.last?.size == 2048)
    }

    @Test("a response that does not decode is a MalformedResponse error naming the member")
    func malformedResponse() async throws {
        struct Output: Decodable, Sendable { var functionName: String }
        let client = makeClient(transport: FakeTransport(responses: [.json(200, #"{"Other":1}"#)]))
        let error = await #expect(throws: AWSError.self) {
            let _: Output = try await client.restJSON(.lambda, operation: "GetFunction", method: "GET",
                                                      path: "/x", query: [], headers: [], body: nil)
        }
        #expect(error?.code == "MalformedResponse")
        #expect(error?.message.contains("functionName") == true)
    }
}
