import Foundation

/// The result of query-string signing: the query to send and how it was signed.
package struct SigV4PresignedRequest: Sendable {
    /// The full percent-encoded query: the request's own query, then `X-Amz-Algorithm`,
    /// `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`,
    /// `X-Amz-Security-Token` (session credentials) and last `X-Amz-Signature`.
    package let query: String
    /// The intermediate products and the signature.
    package let signature: SigV4Signature
}

extension SigV4Signer {
    /// Signs `request` in its query string (a presigned URL valid for `expires` seconds).
    ///
    /// The payload is `UNSIGNED-PAYLOAD` for S3; other services sign `request.payload` (an empty
    /// body by default). Headers in `request.headers` are signed and must be sent with the URL.
    /// - Throws: ``SigV4Error`` when `expires` is outside ``presignExpiryRange``.
    package func presign(_ request: SigV4Request, expires: Int, date: Date) throws(SigV4Error) -> SigV4PresignedRequest {
        guard Self.presignExpiryRange.contains(expires) else { throw .expiryOutOfRange(expires) }
        let timestamp = SigV4Timestamp(date)
        let payloadHash = pathEncoding == .s3 ? Self.unsignedPayload : Self.payloadHash(request.payload)
        let stale: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token"]
        let headers = withHost(request.headers.filter { !stale.contains($0.name.lowercased()) }, host: request.host)

        var authItems: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(timestamp))"),
            ("X-Amz-Date", timestamp.amzDate),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", CanonicalHeaders(headers).signedNames),
        ]
        if let sessionToken { authItems.append(("X-Amz-Security-Token", sessionToken)) }
        let ownQuery = request.query.flatMap { $0.isEmpty ? nil : $0 }
        let query = [ownQuery, CanonicalQuery.encode(authItems)].compactMap { $0 }.joined(separator: "&")

        let signature = signature(method: request.method, path: request.path, query: query, headers: headers,
                                  payloadHash: payloadHash, timestamp: timestamp)
        return SigV4PresignedRequest(query: query + "&X-Amz-Signature=" + signature.signature, signature: signature)
    }

    /// A presigned URL for `url` valid for `expires` seconds from `date`.
    /// - Throws: ``SigV4Error`` when `expires` is outside ``presignExpiryRange`` or the URL cannot
    ///   carry the signed query.
    package func presignedURL(method: String, url: URL, headers: [(name: String, value: String)] = [],
                             expires: Int, date: Date) throws(SigV4Error) -> URL {
        let presigned = try presign(SigV4Request(method: method, url: url, headers: headers), expires: expires, date: date)
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            throw .urlNotBuildable(url.absoluteString)
        }
        components.percentEncodedQuery = presigned.query
        guard let signedURL = components.url else { throw .urlNotBuildable(url.absoluteString) }
        return signedURL
    }
}
