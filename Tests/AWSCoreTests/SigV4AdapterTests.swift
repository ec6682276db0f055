@testable import AWSCore
import AWSSigV4
import Foundation
import Testing

@Suite("The SigV4 adapter")
struct SigV4AdapterTests {
    private let date = Date(timeIntervalSince1970: 1_795_777_200) // 2026-11-27T11:00:00Z

    @Test("S3 requests carry the body hash, the token and an Authorization with the right scope")
    func s3Signing() throws {
        let request = HTTPRequest(method: "PUT", url: URL(string: "https://b.s3.eu-central-1.amazonaws.com/app/a%20b.zip")!,
                                  headers: [("Content-Type", "application/zip")], body: .data(Data("zip".utf8)))
        let signed = try SigV4RequestSigner().sign(request, credentials: testCredentials, region: "eu-central-1",
                                                   signingName: "s3", pathEncoding: .s3, date: date)
        // sha256("zip")
        #expect(signed.header("X-Amz-Content-SHA256") == "4a70fe9aa6436e02c2dea340fbd1e352e4ef2d8ce6ca52ad25d4b95471fc8bf2")
        #expect(signed.header("X-Amz-Date") == "20261127T110000Z")
        #expect(signed.header("X-Amz-Security-Token") == testCredentials.sessionToken)
        let authorization = try #require(signed.header("Authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/eu-central-1/s3/aws4_request, SignedHeaders="))
        #expect(signed.header("Content-Type") == "application/zip")
        let direct = SigV4Signer(credentials: testCredentials, region: "eu-central-1", service: "s3", pathEncoding: .s3)
            .signedHeaders(method: "PUT", url: request.url, headers: request.headers, payload: .bytes(Data("zip".utf8)), date: date)
        #expect(direct.first { $0.name == "Authorization" }?.value == authorization)
    }

    @Test("a caller's content hash is used as is, and one-shot bodies are unsigned")
    func payloads() throws {
        var request = HTTPRequest(method: "PUT", url: URL(string: "https://s3.amazonaws.com/b/k")!, body: .data(Data("x".utf8)))
        request.setHeader("X-Amz-Content-SHA256", "abc123")
        #expect(try SigV4RequestSigner.payload(of: request) == .hash("abc123"))
        let stream = HTTPRequest(method: "PUT", url: request.url, body: .oneShot(OneShotBody { Data() }))
        #expect(try SigV4RequestSigner.payload(of: stream) == .unsigned)
        #expect(try SigV4RequestSigner.payload(of: HTTPRequest(method: "GET", url: request.url)) == .bytes(Data()))
    }
}
