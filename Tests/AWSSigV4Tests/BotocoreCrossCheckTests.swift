import Foundation
import Testing
@testable import AWSSigV4

/// Ferry's signer against botocore's on randomised requests (Fixtures/botocore_reference.py).
@Suite("Cross-check against botocore")
struct BotocoreCrossCheckTests {
    /// One request and botocore's signing products, as printed by the reference script.
    struct ReferenceCase: Decodable {
        struct Payload: Decodable {
            let kind: String
            let base64: String?
            let sha256: String?
        }

        let id: Int
        let service: String
        let region: String
        let pathEncoding: String
        let method: String
        let url: String
        let headers: [[String]]
        let payload: Payload
        let accessKeyID: String
        let secretAccessKey: String
        let sessionToken: String?
        let date: Int
        let presignExpires: Int?
        let canonicalRequest: String
        let stringToSign: String
        let signature: String
        let authorization: String?
        let signedURL: String?
    }

    static let seed = "20261127"
    static let count = 240

    @Test("canonical request, string to sign and signature equal botocore's on 240 random requests")
    func matchesBotocore() throws {
        let script = try #require(Bundle.module.url(forResource: "botocore_reference", withExtension: "py",
                                                    subdirectory: "Fixtures"))
        let output = try PythonRunner.run(script: script, arguments: [Self.seed, String(Self.count)])
        let decoder = JSONDecoder()
        let cases = try output.split(separator: UInt8(ascii: "\n")).map {
            try decoder.decode(ReferenceCase.self, from: Data($0))
        }
        #expect(cases.count == Self.count)
        #expect(cases.contains { $0.presignExpires != nil && $0.pathEncoding == "s3" })
        #expect(cases.contains { $0.presignExpires != nil && $0.pathEncoding == "standard" })
        #expect(cases.contains { $0.payload.kind == "unsigned" })
        #expect(cases.contains { $0.payload.kind == "hash" })
        for reference in cases {
            try check(reference)
        }
    }

    private func check(_ reference: ReferenceCase) throws {
        let url = try #require(URL(string: reference.url), "case \(reference.id): bad URL \(reference.url)")
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: reference.accessKeyID, secretAccessKey: reference.secretAccessKey,
                                        sessionToken: reference.sessionToken),
            region: reference.region, service: reference.service,
            pathEncoding: reference.pathEncoding == "s3" ? .s3 : .standard)
        let headers = reference.headers.map { (name: $0[0], value: $0[1]) }
        let date = Date(timeIntervalSince1970: TimeInterval(reference.date))
        let request = SigV4Request(method: reference.method, url: url, headers: headers,
                                   payload: try payload(reference.payload))

        let ours: SigV4Signature
        if let expires = reference.presignExpires {
            let presigned = try signer.presign(request, expires: expires, date: date)
            ours = presigned.signature
            let signedURL = try signer.presignedURL(method: reference.method, url: url, headers: headers,
                                                    expires: expires, date: date)
            let botocoreURL = try #require(reference.signedURL.flatMap(URL.init(string:)))
            #expect(Self.queryItems(signedURL) == Self.queryItems(botocoreURL),
                    "case \(reference.id): presigned URL differs\nbotocore: \(botocoreURL)\nferry:    \(signedURL)")
        } else {
            let signed = signer.sign(request, date: date)
            ours = signed.signature
            #expect(signed.headers.last?.value == reference.authorization,
                    "case \(reference.id): Authorization differs")
        }
        let context = """
            case \(reference.id): \(reference.method) \(reference.url) service=\(reference.service) \
            presign=\(reference.presignExpires.map(String.init) ?? "no") payload=\(reference.payload.kind) \
            headers=\(reference.headers)
            --- botocore canonical request ---
            \(reference.canonicalRequest)
            --- ferry canonical request ---
            \(ours.canonicalRequest)
            """
        #expect(ours.canonicalRequest == reference.canonicalRequest, "\(context)")
        #expect(ours.stringToSign == reference.stringToSign, "\(context)")
        #expect(ours.signature == reference.signature, "\(context)")
    }

    private func payload(_ payload: ReferenceCase.Payload) throws -> SigV4Signer.Payload {
        switch payload.kind {
        case "bytes": .bytes(try #require(Data(base64Encoded: payload.base64 ?? "")))
        case "hash": .hash(try #require(payload.sha256))
        default: .unsigned
        }
    }

    /// Decoded query items, sorted, so the two URLs compare regardless of parameter order.
    private static func queryItems(_ url: URL) -> [String] {
        (URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? "")
            .split(separator: "&")
            .map { String(decoding: URIEncoding.decode($0), as: UTF8.self) }
            .sorted()
    }
}
