import Foundation

/// The result of header signing: the headers to send and how they were signed.
package struct SigV4SignedRequest: Sendable {
    /// Every header to send, in order: the caller's (minus any stale `Authorization`,
    /// `X-Amz-Date` and the ones the signer sets), then `X-Amz-Date`, `X-Amz-Security-Token`
    /// (session credentials), `X-Amz-Content-SHA256` (S3, or unsigned payloads) and `Authorization`.
    /// `Host` is signed but not listed unless the caller passed it: the HTTP client sets it.
    package let headers: [(name: String, value: String)]
    /// The intermediate products and the signature.
    package let signature: SigV4Signature
}

extension SigV4Signer {
    /// Signs `request` for sending with an `Authorization` header.
    package func sign(_ request: SigV4Request, date: Date) -> SigV4SignedRequest {
        let timestamp = SigV4Timestamp(date)
        let payloadHash = Self.payloadHash(request.payload)
        let sendsContentHash = pathEncoding == .s3 || request.payload == .unsigned

        var replaced: Set<String> = ["authorization", "x-amz-date"]
        if sessionToken != nil { replaced.insert("x-amz-security-token") }
        if sendsContentHash { replaced.insert("x-amz-content-sha256") }
        var headers = request.headers.filter { !replaced.contains($0.name.lowercased()) }
        headers.append((name: "X-Amz-Date", value: timestamp.amzDate))
        if let sessionToken { headers.append((name: "X-Amz-Security-Token", value: sessionToken)) }
        if sendsContentHash { headers.append((name: "X-Amz-Content-SHA256", value: payloadHash)) }

        let signature = signature(method: request.method, path: request.path, query: request.query,
                                  headers: withHost(headers, host: request.host),
                                  payloadHash: payloadHash, timestamp: timestamp)
        headers.append((name: "Authorization", value: signature.authorization))
        return SigV4SignedRequest(headers: headers, signature: signature)
    }

    /// The full header list to send for `url`, including `Authorization` and `X-Amz-Date`.
    package func signedHeaders(method: String, url: URL, headers: [(name: String, value: String)] = [],
                              payload: Payload, date: Date) -> [(name: String, value: String)] {
        sign(SigV4Request(method: method, url: url, headers: headers, payload: payload), date: date).headers
    }

    /// The canonical request header signing would build for `url` (for tests and debugging).
    package func canonicalRequest(method: String, url: URL, headers: [(name: String, value: String)] = [],
                                 payload: Payload, date: Date) -> String {
        sign(SigV4Request(method: method, url: url, headers: headers, payload: payload), date: date)
            .signature.canonicalRequest
    }

    /// The string to sign header signing would build for `url` (for tests and debugging).
    package func stringToSign(method: String, url: URL, headers: [(name: String, value: String)] = [],
                             payload: Payload, date: Date) -> String {
        sign(SigV4Request(method: method, url: url, headers: headers, payload: payload), date: date)
            .signature.stringToSign
    }

    /// Adds `host` from the URL when the headers have none.
    func withHost(_ headers: [(name: String, value: String)], host: String?) -> [(name: String, value: String)] {
        guard let host, !headers.contains(where: { $0.name.lowercased() == "host" }) else { return headers }
        return headers + [(name: "host", value: host)]
    }
}
