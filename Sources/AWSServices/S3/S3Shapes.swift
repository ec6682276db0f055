import AWSCore
import Foundation

/// Server-side encryption for an object or a bucket default.
package enum ServerSideEncryption: Sendable, Equatable {
    /// S3-managed keys (`AES256`).
    case aes256
    /// KMS keys (`aws:kms`); `keyId` `nil` means the AWS-managed `aws/s3` key.
    case kms(keyId: String?)

    /// The algorithm as S3 spells it.
    package var algorithm: String {
        switch self {
        case .aes256: "AES256"
        case .kms: "aws:kms"
        }
    }
}

/// Options for PutObject, CreateMultipartUpload and `upload(file:)`.
package struct PutObjectOptions: Sendable, Equatable {
    /// The `Content-Type` stored with the object.
    package var contentType: String?
    package var serverSideEncryption: ServerSideEncryption?
    /// User metadata, sent as `x-amz-meta-<name>` (S3 stores names lower-cased).
    package var metadata: [String: String]
    /// Write only if no object exists under the key yet (`If-None-Match: *`).
    package var onlyIfAbsent: Bool
    /// Send `Content-MD5` so S3 rejects a body that was damaged on the way.
    package var sendContentMD5: Bool
    /// Write only if the object's entity tag is still this one (`If-Match`): a compare-and-swap.
    /// A different object gives `.alreadyExists`; no object at all gives S3's NoSuchKey error.
    package var onlyIfETag: String?
    /// The SHA-256 of the body (hex), when the caller knows it: a single PutObject then sends it
    /// as the SigV4 payload hash (`X-Amz-Content-SHA256`, the body is not hashed again) and as
    /// `x-amz-checksum-sha256`, which S3 checks and keeps with the object (HeadObject returns it with
    /// `checksumMode`). Multipart uploads ignore it (S3's SHA-256 of parts is not the body's).
    package var sha256: String?

    /// Options; by default none of them are set.
    package init(
        contentType: String? = nil, serverSideEncryption: ServerSideEncryption? = nil,
        metadata: [String: String] = [:], onlyIfAbsent: Bool = false, sendContentMD5: Bool = false
    ) {
        self.contentType = contentType
        self.serverSideEncryption = serverSideEncryption
        self.metadata = metadata
        self.onlyIfAbsent = onlyIfAbsent
        self.sendContentMD5 = sendContentMD5
        self.onlyIfETag = nil
        self.sha256 = nil
    }

    /// The headers these options add, except Content-MD5 and If-None-Match.
    var objectHeaders: [(String, String)] {
        var headers: [(String, String)] = []
        if let contentType { headers.append(("Content-Type", contentType)) }
        if let serverSideEncryption {
            headers.append(("x-amz-server-side-encryption", serverSideEncryption.algorithm))
            if case .kms(let keyId?) = serverSideEncryption {
                headers.append(("x-amz-server-side-encryption-aws-kms-key-id", keyId))
            }
        }
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            headers.append(("x-amz-meta-\(name.lowercased())", value))
        }
        return headers
    }
}

/// The outcome of a conditional write.
package enum PutObjectResult: Sendable, Equatable {
    /// The object was written.
    case written(eTag: String?, versionId: String?)
    /// `onlyIfAbsent` was set and an object already existed under the key (HTTP 412).
    case alreadyExists
}

/// What HeadObject says about an object.
package struct ObjectMetadata: Sendable, Equatable {
    /// The entity tag, without quotes.
    package var eTag: String?
    /// The size in bytes.
    package var contentLength: Int64?
    package var contentType: String?
    package var lastModified: Date?
    package var versionId: String?
    /// `AES256` or `aws:kms`.
    package var serverSideEncryption: String?
    /// User metadata without the `x-amz-meta-` prefix (names lower-cased).
    package var metadata: [String: String]
    /// `x-amz-checksum-sha256` (base64; `…-N` for a multipart upload's checksum of its parts), when
    /// the object was uploaded with one and the request asked for checksums (`checksumMode`).
    package var checksumSHA256: String?

    /// Reads the metadata from a HeadObject or GetObject response's headers.
    init(headers response: HTTPResponse) {
        eTag = response.header("ETag").map(S3.unquoted)
        contentLength = response.header("Content-Length").flatMap { Int64($0) }
        contentType = response.header("Content-Type")
        lastModified = response.header("Last-Modified").flatMap(S3.parseHTTPDate)
        versionId = response.header("x-amz-version-id")
        serverSideEncryption = response.header("x-amz-server-side-encryption")
        checksumSHA256 = response.header("x-amz-checksum-sha256")
        var metadata: [String: String] = [:]
        for (name, value) in response.headers where name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(name.lowercased().dropFirst("x-amz-meta-".count))] = value
        }
        self.metadata = metadata
    }
}

/// An object's bytes and metadata (GetObject).
package struct S3ObjectContent: Sendable {
    package var body: Data
    package var metadata: ObjectMetadata
}

/// One object in a listing (ListObjectsV2 `Contents`).
package struct S3Object: Decodable, Sendable, Equatable {
    package var key: String
    package var lastModified: Date?
    /// The entity tag as S3 lists it (with quotes).
    package var eTag: String?
    package var size: Int64?
    package var storageClass: String?
}

/// One page of ListObjectsV2.
struct ListObjectsV2Page: Decodable, Sendable {
    var contents: [S3Object]?
    var isTruncated: Bool?
    var nextContinuationToken: String?
}

/// What DeleteObjects did.
package struct DeleteObjectsResult: Sendable, Equatable {
    /// The keys deleted.
    package var deleted: [String]
    /// The keys that could not be deleted, with S3's code and message.
    package var errors: [DeleteObjectsError]
}

/// A key DeleteObjects could not delete.
package struct DeleteObjectsError: Decodable, Sendable, Equatable {
    package var key: String?
    package var code: String?
    package var message: String?
}

struct DeleteObjectsPage: Decodable, Sendable {
    struct Deleted: Decodable, Sendable { var key: String? }
    var deleted: [Deleted]?
    var error: [DeleteObjectsError]?
}

/// A part uploaded in a multipart upload, as CompleteMultipartUpload needs it.
package struct CompletedPart: Sendable, Equatable {
    package var partNumber: Int
    /// The part's ETag as UploadPart returned it (with quotes).
    package var eTag: String

    /// A part.
    package init(partNumber: Int, eTag: String) {
        self.partNumber = partNumber
        self.eTag = eTag
    }
}

struct InitiateMultipartUploadResult: Decodable, Sendable {
    var uploadId: String
}

struct CompleteMultipartUploadResult: Decodable, Sendable {
    var eTag: String?
}

/// Whether a bucket exists and can be used (HeadBucket).
package enum BucketAccess: Sendable, Equatable {
    /// It exists and these credentials may use it; `region` is where it lives, when S3 said.
    case exists(region: String?)
    /// No bucket has this name.
    case notFound
    /// It exists but belongs to someone else, or these credentials may not use it.
    case forbidden
}
