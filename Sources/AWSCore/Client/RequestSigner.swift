import AWSSigV4
import Foundation

/// How the request's path is canonicalised when signing.
package enum SigningPathEncoding: Sendable, Equatable {
    /// S3: the path is used exactly as sent (encoded once).
    case s3
    /// Every other service: the path is encoded again.
    case standard
}

/// Adds the authentication headers to a request.
///
/// The production implementation is `SigV4RequestSigner`; tests may use their own.
package protocol RequestSigner: Sendable {
    /// Returns the request with `Authorization`, `X-Amz-Date` (and, when needed,
    /// `X-Amz-Security-Token` and `X-Amz-Content-SHA256`) headers added.
    func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
              pathEncoding: SigningPathEncoding, date: Date) throws -> HTTPRequest
}
