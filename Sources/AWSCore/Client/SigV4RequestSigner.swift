import AWSSigV4
import Foundation

/// Signs requests with AWS Signature Version 4 through `AWSSigV4`.
public struct SigV4RequestSigner: RequestSigner {
    public init() {}

    public func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
                     pathEncoding: SigningPathEncoding, date: Date) throws -> HTTPRequest {
        let signer = SigV4Signer(credentials: credentials, region: region, service: signingName,
                                 pathEncoding: pathEncoding == .s3 ? .s3 : .standard)
        var signed = request
        signed.headers = signer.signedHeaders(
            method: request.method, url: request.url, headers: request.headers,
            payload: .bytes(try request.body.bytes()), date: date)
        return signed
    }
}
