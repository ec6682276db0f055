import Foundation
import Testing
@testable import AWSSigV4

/// Behaviour of header signing: path encodings, payloads, headers and session tokens.
@Suite("SigV4Signer header signing")
struct SigV4SignerTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE",
                                            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z

    static func signer(_ encoding: SigV4Signer.PathEncoding, token: String? = nil,
                       service: String = "s3") -> SigV4Signer {
        SigV4Signer(credentials: AWSCredentials(accessKeyID: credentials.accessKeyID,
                                                secretAccessKey: credentials.secretAccessKey, sessionToken: token),
                    region: "eu-west-1", service: service, pathEncoding: encoding)
    }

    static func canonicalURI(_ signer: SigV4Signer, _ url: String) throws -> String {
        let url = try #require(URL(string: url))
        let lines = signer.canonicalRequest(method: "GET", url: url, payload: .bytes(Data()), date: date)
            .split(separator: "\n", omittingEmptySubsequences: false)
        return String(lines[1])
    }

    @Test("S3 encodes the wire path once; other services encode it again")
    func singleVersusDoubleEncoding() throws {
        let url = "https://b.s3.amazonaws.com/my%20key/a%2Bb/%E1%88%B4~x"
        #expect(try Self.canonicalURI(Self.signer(.s3), url) == "/my%20key/a%2Bb/%E1%88%B4~x")
        #expect(try Self.canonicalURI(Self.signer(.standard), url) == "/my%2520key/a%252Bb/%25E1%2588%25B4~x")
    }

    @Test("S3 decodes then encodes, so sub-delimiters and encoded unreserved characters come out canonical")
    func s3DecodeThenEncode() throws {
        let url = "https://b.s3.amazonaws.com/k=v!'()*+,;$@:/%7Euser/%41"
        #expect(try Self.canonicalURI(Self.signer(.s3), url) == "/k%3Dv%21%27%28%29%2A%2B%2C%3B%24%40%3A/~user/A")
        #expect(try Self.canonicalURI(Self.signer(.s3), "https://b.s3.amazonaws.com/a%2Fb/c") == "/a%2Fb/c")
    }

    @Test("S3 keeps dot segments and duplicate slashes; other services normalise them")
    func normalisation() throws {
        let url = "https://h.example.com//a/./b/../c//"
        #expect(try Self.canonicalURI(Self.signer(.s3), url) == "//a/./b/../c//")
        #expect(try Self.canonicalURI(Self.signer(.standard), url) == "/a/c/")
        #expect(try Self.canonicalURI(Self.signer(.standard), "https://h.example.com/a/..") == "/")
        #expect(try Self.canonicalURI(Self.signer(.standard), "https://h.example.com") == "/")
    }

    @Test("UNSIGNED-PAYLOAD ends the canonical request and is sent as X-Amz-Content-SHA256", arguments: [
        SigV4Signer.PathEncoding.s3, .standard,
    ])
    func unsignedPayload(encoding: SigV4Signer.PathEncoding) throws {
        let url = try #require(URL(string: "https://h.example.com/object"))
        let signer = Self.signer(encoding)
        let signed = signer.sign(SigV4Request(method: "PUT", url: url, payload: .unsigned), date: Self.date)
        #expect(signed.signature.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(signed.signature.canonicalRequest.contains("\nx-amz-content-sha256:UNSIGNED-PAYLOAD\n"))
        #expect(signed.headers.contains { $0.name == "X-Amz-Content-SHA256" && $0.value == "UNSIGNED-PAYLOAD" })
        #expect(signed.signature.signedHeaders.contains("x-amz-content-sha256"))
    }

    @Test("a signed payload is the SHA-256 of the body; a precomputed hash signs the same")
    func signedPayload() throws {
        let url = try #require(URL(string: "https://h.example.com/object"))
        let body = Data("hello".utf8)
        let hash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        for encoding in [SigV4Signer.PathEncoding.s3, .standard] {
            let signer = Self.signer(encoding)
            let fromBytes = signer.sign(SigV4Request(method: "PUT", url: url, payload: .bytes(body)), date: Self.date)
            let fromHash = signer.sign(SigV4Request(method: "PUT", url: url, payload: .hash(hash.uppercased())),
                                       date: Self.date)
            #expect(fromBytes.signature.canonicalRequest.hasSuffix("\n" + hash))
            #expect(fromBytes.signature == fromHash.signature)
        }
        // Only S3 (or an unsigned payload) sends the content hash header.
        let standard = Self.signer(.standard).sign(SigV4Request(method: "PUT", url: url, payload: .bytes(body)),
                                                   date: Self.date)
        #expect(!standard.headers.contains { $0.name.lowercased() == "x-amz-content-sha256" })
        let s3 = Self.signer(.s3).sign(SigV4Request(method: "PUT", url: url, payload: .bytes(body)), date: Self.date)
        #expect(s3.headers.contains { $0.name == "X-Amz-Content-SHA256" && $0.value == hash })
    }

    @Test("a session token is sent and signed as X-Amz-Security-Token, replacing a stale one")
    func sessionTokenHeader() throws {
        let url = try #require(URL(string: "https://h.example.com/"))
        let signer = Self.signer(.standard, token: "tok/en+=")
        let signed = signer.sign(SigV4Request(method: "GET", url: url,
                                              headers: [("X-Amz-Security-Token", "old"), ("Authorization", "old")]),
                                 date: Self.date)
        #expect(signed.headers.filter { $0.name.lowercased() == "x-amz-security-token" }.map(\.value) == ["tok/en+="])
        #expect(signed.headers.filter { $0.name.lowercased() == "authorization" }.count == 1)
        #expect(signed.signature.signedHeaders == "host;x-amz-date;x-amz-security-token")
        #expect(signed.signature.canonicalRequest.contains("\nx-amz-security-token:tok/en+=\n"))

        for token in [nil, ""] as [String?] {
            let plain = Self.signer(.standard, token: token).sign(SigV4Request(method: "GET", url: url), date: Self.date)
            #expect(!plain.headers.contains { $0.name.lowercased() == "x-amz-security-token" })
            #expect(plain.signature.signedHeaders == "host;x-amz-date")
        }
    }

    @Test("repeated query keys are kept and sorted by key then value; + is a literal plus")
    func queryCanonicalisation() throws {
        let url = try #require(URL(string: "https://h.example.com/?b=2&a=z&a=y&c&d=&e=x+y&f=%7e%20%2b"))
        let lines = Self.signer(.s3).canonicalRequest(method: "GET", url: url, payload: .unsigned, date: Self.date)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "a=y&a=z&b=2&c=&d=&e=x%2By&f=~%20%2B")
    }

    @Test("headers: names lower-cased and sorted, repeats joined by commas, whitespace collapsed, host added")
    func canonicalHeaders() throws {
        let url = try #require(URL(string: "http://LocalHost:4566/"))
        let signed = Self.signer(.standard).sign(
            SigV4Request(method: "get", url: url, headers: [
                ("My-Header", "  a   b\t c  "), ("my-header", "second"), ("User-Agent", "ferry/1"),
            ]),
            date: Self.date)
        #expect(signed.signature.canonicalRequest.hasPrefix("""
            GET
            /

            host:localhost:4566
            my-header:a b c,second
            x-amz-date:20150830T123600Z

            host;my-header;x-amz-date
            """))
        #expect(!signed.headers.contains { $0.name.lowercased() == "host" })
    }

    @Test("the host header comes from the URL: lower-cased, with a non-default port, IPv6 in brackets")
    func hostFromURL() throws {
        let cases = [
            ("https://S3.Example.com:443/", "s3.example.com"), ("http://localhost:80/", "localhost"),
            ("http://localhost:4566/", "localhost:4566"), ("https://[::1]:8443/", "[::1]:8443"),
        ]
        for (url, host) in cases {
            let request = SigV4Request(method: "GET", url: try #require(URL(string: url)))
            #expect(request.host == host, "\(url)")
        }
        let explicit = Self.signer(.standard).sign(
            SigV4Request(method: "GET", url: try #require(URL(string: "http://localhost:4566/")),
                         headers: [("Host", "proxy.example.com")]),
            date: Self.date)
        #expect(explicit.signature.canonicalRequest.contains("\nhost:proxy.example.com\n"))
        #expect(!explicit.signature.canonicalRequest.contains("localhost"))
    }

    @Test("the timestamp is UTC, truncated to the second")
    func timestamp() {
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 1_440_938_160.9)).amzDate == "20150830T123600Z")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 951_782_400)).amzDate == "20000229T000000Z")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 0)).shortDate == "19700101")
        #expect(Self.signer(.s3).credentialScope(date: Self.date) == "20150830/eu-west-1/s3/aws4_request")
    }
}
