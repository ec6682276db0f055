/// The products of signing one request: each intermediate step and the signature.
public struct SigV4Signature: Sendable, Equatable {
    /// The canonical request (task 1 of SigV4).
    public let canonicalRequest: String
    /// The string to sign (task 2): algorithm, timestamp, scope and the canonical request's hash.
    public let stringToSign: String
    /// The hex HMAC-SHA256 signature (task 3).
    public let signature: String
    /// The lower-case header names signed, joined by `;`.
    public let signedHeaders: String
    /// `ACCESSKEY/YYYYMMDD/region/service/aws4_request`.
    public let credential: String

    /// The `Authorization` header value for header signing.
    public var authorization: String {
        "\(SigV4Signer.algorithm) Credential=\(credential), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }
}
