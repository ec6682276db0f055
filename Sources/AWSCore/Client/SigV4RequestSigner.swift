import AWSSigV4
import Foundation

/// Signs requests with AWS Signature Version 4 through `AWSSigV4`.
public struct SigV4RequestSigner: RequestSigner {
    public init() {}

    public func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
                     pathEncoding: SigningPathEncoding, date: Date) throws -> HTTPRequest {
        // Waiting for the `sigv4` branch's SigV4Signer; until it is merged requests cannot be signed.
        throw SigningUnavailable()
    }
}

/// Raised while the SigV4 signer is not yet linked in.
struct SigningUnavailable: Error, CustomStringConvertible {
    var description: String { "SigV4 signing is not available in this build" }
}
