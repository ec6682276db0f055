import AWSSigV4
import Foundation

/// Signs requests with AWS Signature Version 4 through `AWSSigV4.SigV4Signer`.
///
/// The payload hash: a caller-supplied `X-Amz-Content-SHA256` header is used as is (large files
/// hashed while reading); in-memory and file bodies are hashed; one-shot streams are sent as
/// `UNSIGNED-PAYLOAD` because they cannot be read twice.
package struct SigV4RequestSigner: RequestSigner {
    package init() {}

    /// Returns the request with the SigV4 headers for `date` in place of any earlier ones.
    package func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
                     pathEncoding: SigningPathEncoding, date: Date) throws -> HTTPRequest {
        let signer = SigV4Signer(credentials: credentials, region: region, service: signingName,
                                 pathEncoding: pathEncoding == .s3 ? .s3 : .standard)
        var signed = request
        signed.headers = signer.signedHeaders(method: request.method, url: request.url, headers: request.headers,
                                              payload: try Self.payload(of: request), date: date)
        return signed
    }

    /// What the signature covers for this request's body.
    static func payload(of request: HTTPRequest) throws -> SigV4Signer.Payload {
        if let hash = request.header("X-Amz-Content-SHA256"), !hash.isEmpty {
            return hash == SigV4Signer.unsignedPayload ? .unsigned : .hash(hash)
        }
        switch request.body {
        case .empty: return .bytes(Data())
        case .data(let data): return .bytes(data)
        case .file: return .bytes(try request.body.bytes())
        case .oneShot: return .unsigned
        }
    }
}
