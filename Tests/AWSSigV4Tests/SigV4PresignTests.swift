import Foundation
import Testing
@testable import AWSSigV4

/// Behaviour of query-string signing (presigned URLs).
@Suite("SigV4Signer presigned URLs")
struct SigV4PresignTests {
    static let url = URL(string: "https://b.s3.eu-west-1.amazonaws.com/my%20key?versionId=3")!

    static func items(_ url: URL) -> [String: String] {
        var items: [String: String] = [:]
        for pair in (URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? "")
            .split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            items[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return items
    }

    @Test("expiry must be within 1...604800 seconds", arguments: [0, -5, 604_801, Int.max])
    func invalidExpiryThrows(expires: Int) {
        let signer = SigV4SignerTests.signer(.s3)
        #expect(throws: SigV4Error.expiryOutOfRange(expires)) {
            try signer.presignedURL(method: "GET", url: Self.url, expires: expires, date: SigV4SignerTests.date)
        }
        #expect("\(SigV4Error.expiryOutOfRange(expires))".contains("1...604800"))
    }

    @Test("the bounds themselves are accepted and written as X-Amz-Expires", arguments: [1, 604_800])
    func validExpiry(expires: Int) throws {
        let signer = SigV4SignerTests.signer(.s3)
        let url = try signer.presignedURL(method: "GET", url: Self.url, expires: expires, date: SigV4SignerTests.date)
        #expect(Self.items(url)["X-Amz-Expires"] == String(expires))
    }

    @Test("the presigned URL keeps the request, adds the auth parameters and ends with the signature")
    func presignedURLShape() throws {
        let signer = SigV4SignerTests.signer(.s3)
        let presigned = try signer.presign(SigV4Request(method: "GET", url: Self.url), expires: 900,
                                           date: SigV4SignerTests.date)
        let url = try signer.presignedURL(method: "GET", url: Self.url, expires: 900, date: SigV4SignerTests.date)
        #expect(url.absoluteString.hasPrefix("https://b.s3.eu-west-1.amazonaws.com/my%20key?versionId=3&X-Amz-Algorithm="))
        #expect(url.absoluteString.hasSuffix("&X-Amz-Signature=" + presigned.signature.signature))
        let items = Self.items(url)
        #expect(items["X-Amz-Credential"] == "AKIDEXAMPLE%2F20150830%2Feu-west-1%2Fs3%2Faws4_request")
        #expect(items["X-Amz-Date"] == "20150830T123600Z")
        #expect(items["X-Amz-SignedHeaders"] == "host")
        #expect(presigned.signature.canonicalRequest.hasSuffix("\nhost\nUNSIGNED-PAYLOAD"))
        #expect(!presigned.signature.canonicalRequest.contains("X-Amz-Signature"))
    }

    @Test("a session token goes in the query, signed; never as a header")
    func sessionTokenInQuery() throws {
        let signer = SigV4SignerTests.signer(.s3, token: "tok/en+=")
        let presigned = try signer.presign(SigV4Request(method: "GET", url: Self.url), expires: 60,
                                           date: SigV4SignerTests.date)
        let url = try signer.presignedURL(method: "GET", url: Self.url, expires: 60, date: SigV4SignerTests.date)
        #expect(Self.items(url)["X-Amz-Security-Token"] == "tok%2Fen%2B%3D")
        #expect(presigned.signature.canonicalRequest.contains("X-Amz-Security-Token=tok%2Fen%2B%3D"))
        #expect(presigned.signature.signedHeaders == "host")

        let plain = try SigV4SignerTests.signer(.s3).presignedURL(method: "GET", url: Self.url, expires: 60,
                                                                 date: SigV4SignerTests.date)
        #expect(Self.items(plain)["X-Amz-Security-Token"] == nil)
    }

    @Test("other services sign the empty-body hash in presigned URLs")
    func standardPresignPayload() throws {
        let signer = SigV4SignerTests.signer(.standard, service: "sts")
        let presigned = try signer.presign(SigV4Request(method: "GET", url: Self.url), expires: 60,
                                           date: SigV4SignerTests.date)
        #expect(presigned.signature.canonicalRequest.hasSuffix(
            "\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }
}
