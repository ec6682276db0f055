import Foundation
import Testing
@testable import AWSSigV4

/// The official AWS SigV4 test suite (Fixtures/sigv4-test-suite), every case.
@Suite("AWS SigV4 test suite")
struct SigV4TestSuiteTests {
    @Test("the suite fixtures are bundled, including session-token and normalize-path cases")
    func suiteIsComplete() {
        let names = SuiteCase.allNames()
        #expect(names.count == 34)
        #expect(names.contains("get-vanilla-with-session-token"))
        #expect(names.contains("post-sts-token/post-sts-header-before"))
        #expect(names.contains("post-sts-token/post-sts-header-after"))
        #expect(names.filter { $0.hasPrefix("normalize-path/") }.count == 8)
    }

    @Test("canonical request, string to sign and Authorization match the suite", arguments: SuiteCase.allNames())
    func matchesSuite(name: String) throws {
        let suiteCase = try SuiteCase.load(name)
        let credentials = AWSCredentials(accessKeyID: SuiteCase.credentials.accessKeyID,
                                         secretAccessKey: SuiteCase.credentials.secretAccessKey,
                                         sessionToken: suiteCase.sessionToken)
        let signer = SigV4Signer(credentials: credentials, region: SuiteCase.region, service: SuiteCase.service,
                                 pathEncoding: .standard)
        let signed = signer.sign(suiteCase.request, date: SuiteCase.date)

        #expect(signed.signature.canonicalRequest == suiteCase.canonicalRequest, "canonical request of \(name)")
        #expect(signed.signature.stringToSign == suiteCase.stringToSign, "string to sign of \(name)")
        #expect(signed.signature.authorization == suiteCase.authorization, "Authorization of \(name)")
        #expect(signed.headers.last?.name == "Authorization")
        #expect(signed.headers.last?.value == suiteCase.authorization)
        #expect(signed.headers.filter { $0.name.lowercased() == "x-amz-date" }.map(\.value) == ["20150830T123600Z"])
        if let token = suiteCase.sessionToken {
            #expect(signed.headers.filter { $0.name.lowercased() == "x-amz-security-token" }.map(\.value) == [token])
        }
    }

    @Test("post-sts-header-after: the token is added after signing and is not signed")
    func tokenAddedAfterSigning() throws {
        let suiteCase = try SuiteCase.load("post-sts-token/post-sts-header-after")
        let signer = SigV4Signer(credentials: SuiteCase.credentials, region: SuiteCase.region,
                                 service: SuiteCase.service)
        let signed = signer.sign(suiteCase.request, date: SuiteCase.date)
        #expect(signed.signature.authorization == suiteCase.authorization)
        #expect(!signed.signature.signedHeaders.contains("x-amz-security-token"))
        #expect(!signed.headers.contains { $0.name.lowercased() == "x-amz-security-token" })
    }
}
