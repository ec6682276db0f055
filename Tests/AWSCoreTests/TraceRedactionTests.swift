import AWSCore
import Foundation
import Testing

@Suite("Debug traces hide secrets")
struct TraceRedactionTests {
    @Test("Authorization signature, security token and secret-looking fields are redacted")
    func redactsSignedRequest() async throws {
        struct Input: Encodable, Sendable { var functionName: String; var environment: [String: String] }
        struct Output: Decodable, Sendable {}
        let response = HTTPResponse.json(200, #"{"Credentials":{"AccessKeyId":"ASIA1","SecretAccessKey":"abc/def","SessionToken":"tok\"en"},"NextToken":"page2"}"#)
        let recorder = Recorder()
        let client = makeClient(transport: FakeTransport(responses: [response]), recorder: recorder)
        let _: Output = try await client.restJSON(.lambda, operation: "UpdateFunctionConfiguration", method: "PUT",
                                                  path: "/2015-03-31/functions/fn/configuration", query: [], headers: [],
                                                  body: Input(functionName: "fn", environment: ["DB_PASSWORD": "hunter2", "TABLE": "items"]))
        let trace = try #require(recorder.traceRecords.first)
        let text = trace.description
        #expect(!text.contains("deadbeefcafe"))
        #expect(!text.contains(testCredentials.sessionToken!))
        #expect(!text.contains(testCredentials.secretAccessKey))
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("abc/def"))
        #expect(!text.contains("tok\\\"en"))
        #expect(text.contains("Credential=AKIDEXAMPLE/"))
        #expect(text.contains("Signature=<redacted>"))
        #expect(text.contains(#""TABLE":"items""#))
        #expect(text.contains(#""NextToken":"page2""#))
        #expect(text.contains(#""AccessKeyId":"ASIA1""#))
        #expect(trace.statusCode == 200)
        let token = trace.requestHeaders.first { $0.name == "X-Amz-Security-Token" }?.value
        #expect(token == "<redacted>")
    }

    @Test("XML credentials (STS) and presigned URLs are redacted")
    func redactsXMLAndURLs() throws {
        let xml = "<Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey><SessionToken>t0k</SessionToken></Credentials>"
        let redacted = Redaction.body(Data(xml.utf8))
        #expect(redacted == "<Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey><redacted></SecretAccessKey><SessionToken><redacted></SessionToken></Credentials>")
        let url = URL(string: "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKID%2F1&X-Amz-Signature=abcdef&X-Amz-Security-Token=tok")!
        let text = Redaction.url(url)
        #expect(!text.contains("abcdef") && !text.contains("=tok"))
        #expect(text.contains("X-Amz-Credential=AKID%2F1"))
        #expect(Redaction.body(Data("Action=X&Parameters.member.1.DbPassword=pw&Other=1".utf8)) == "Action=X&Parameters.member.1.DbPassword=<redacted>&Other=1")
    }

    @Test("transport failures are traced too")
    func tracesFailures() async throws {
        let recorder = Recorder()
        let client = makeClient(transport: FakeTransport([.fail(.cannotConnect)]), maxAttempts: 1, recorder: recorder)
        await #expect(throws: TransportError.self) {
            try await client.query(.sts, action: "GetCallerIdentity", parameters: [:])
        }
        #expect(recorder.traceRecords.count == 1)
        #expect(recorder.traceRecords.first?.failure?.contains("could not connect") == true)
    }
}
