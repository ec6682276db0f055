import Crypto
import Foundation

/// A pure AWS Signature Version 4 signer: the same request, credentials and date always give the
/// same signature. It never reads the clock, the environment or the network.
///
/// What a `url:` parameter (and ``SigV4Request/init(method:url:headers:payload:)``) must contain:
/// - scheme and host, plus the port if it is not the scheme's default; the signed `host` header is
///   the lower-cased host and non-default port, unless `headers` has a `Host` of its own;
/// - the path exactly as it goes on the wire, already percent-encoded: every byte outside
///   `A-Z a-z 0-9 - . _ ~` and the segment separator `/` written `%XX` (an S3 key is encoded
///   segment by segment, its `/` kept literal). For `.s3` the signer decodes and re-encodes each
///   segment, so `%7E`, a raw `=` or `!` still sign correctly; for `.standard` the wire path is
///   normalised and encoded again, which is what those services compute from the request line;
/// - optionally a query of `name=value` pairs joined by `&`, names and values percent-encoded
///   (`+` is a literal plus, so write a space as `%20`); the signer decodes and re-encodes them;
/// - no fragment and no user info.
/// Paths that no `URL` can carry (a raw space, as in the official test suite) can be signed with
/// ``SigV4Request/init(method:path:query:host:headers:payload:)``.
package struct SigV4Signer: Sendable {
    /// How the canonical URI is derived from the wire path.
    package enum PathEncoding: Sendable, Equatable {
        /// S3 rules: the path is decoded and encoded once, never normalised, and every signed
        /// request carries `X-Amz-Content-SHA256`.
        case s3
        /// Every other service: `.`/`..` segments removed, duplicate slashes collapsed, and the
        /// (already encoded) wire path encoded again.
        case standard
    }

    /// The request body as far as the signature is concerned.
    package enum Payload: Sendable, Equatable {
        /// The body bytes; the signer hashes them with SHA-256.
        case bytes(Data)
        /// A precomputed hex SHA-256 of the body (for large files streamed from disk).
        case hash(String)
        /// `UNSIGNED-PAYLOAD`: the body is not part of the signature.
        case unsigned
    }

    /// The signing algorithm name.
    package static let algorithm = "AWS4-HMAC-SHA256"
    /// The payload hash placeholder for unsigned bodies.
    package static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// The allowed `X-Amz-Expires` of a presigned URL, in seconds (up to 7 days).
    package static let presignExpiryRange = 1...604_800

    /// The credentials that sign; a non-empty session token is sent as `X-Amz-Security-Token`.
    package let credentials: AWSCredentials
    /// The signing region, e.g. `us-east-1`.
    package let region: String
    /// The signing name of the service, e.g. `s3`, `cloudformation`.
    package let service: String
    /// How the canonical URI is built.
    package let pathEncoding: PathEncoding

    /// A signer for one service in one region.
    package init(credentials: AWSCredentials, region: String, service: String, pathEncoding: PathEncoding = .standard) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.pathEncoding = pathEncoding
    }

    /// The credential scope: `YYYYMMDD/region/service/aws4_request`.
    package func credentialScope(date: Date) -> String {
        scope(SigV4Timestamp(date))
    }

    var sessionToken: String? {
        guard let token = credentials.sessionToken, !token.isEmpty else { return nil }
        return token
    }

    func scope(_ timestamp: SigV4Timestamp) -> String {
        "\(timestamp.shortDate)/\(region)/\(service)/aws4_request"
    }

    /// Computes canonical request, string to sign and signature for fully prepared parts.
    func signature(method: String, path: String, query: String?, headers: [(name: String, value: String)],
                   payloadHash: String, timestamp: SigV4Timestamp) -> SigV4Signature {
        let canonicalHeaders = CanonicalHeaders(headers)
        let canonicalRequest = [
            method.uppercased(),
            CanonicalPath.make(wirePath: path, encoding: pathEncoding),
            CanonicalQuery.make(wireQuery: query),
            canonicalHeaders.canonical + "\n",
            canonicalHeaders.signedNames,
            payloadHash,
        ].joined(separator: "\n")
        let scope = scope(timestamp)
        let stringToSign = [
            Self.algorithm,
            timestamp.amzDate,
            scope,
            Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let signature = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8),
                                                        using: signingKey(shortDate: timestamp.shortDate))
        return SigV4Signature(canonicalRequest: canonicalRequest, stringToSign: stringToSign,
                              signature: Self.hex(signature), signedHeaders: canonicalHeaders.signedNames,
                              credential: "\(credentials.accessKeyID)/\(scope)")
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    func signingKey(shortDate: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [shortDate, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// The hex SHA-256 to put in the canonical request for `payload`.
    static func payloadHash(_ payload: Payload) -> String {
        switch payload {
        case .bytes(let data): hex(SHA256.hash(data: data))
        case .hash(let hash): hash.lowercased()
        case .unsigned: unsignedPayload
        }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
