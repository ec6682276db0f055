/// The products of signing one request: each intermediate step and the signature.
package struct SigV4Signature: Sendable, Equatable {
    /// The canonical request (task 1 of SigV4).
    package let canonicalRequest: String
    /// The string to sign (task 2): algorithm, timestamp, scope and the canonical request's hash.
    package let stringToSign: String
    /// The hex HMAC-SHA256 signature (task 3).
    package let signature: String
    /// The lower-case header names signed, joined by `;`.
    package let signedHeaders: String
    /// `ACCESSKEY/YYYYMMDD/region/service/aws4_request`.
    package let credential: String

    /// The `Authorization` header value for header signing.
    package var authorization: String {
        "\(SigV4Signer.algorithm) Credential=\(credential), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }
}
