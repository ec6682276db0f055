import AWSCore
import Foundation

/// Server-side encryption for an object or a bucket default.
public enum ServerSideEncryption: Sendable, Equatable {
    /// S3-managed keys (`AES256`).
    case aes256
    /// KMS keys (`aws:kms`); `keyId` `nil` means the AWS-managed `aws/s3` key.
    case kms(keyId: String?)

    /// The algorithm as S3 spells it.
    public var algorithm: String {
        switch self {
        case .aes256: "AES256"
        case .kms: "aws:kms"
        }
    }
}

/// Options for PutObject, CreateMultipartUpload and `upload(file:)`.
public struct PutObjectOptions: Sendable, Equatable {
    /// The `Content-Type` stored with the object.
    public var contentType: String?
    public var serverSideEncryption: ServerSideEncryption?
    /// User metadata, sent as `x-amz-meta-<name>` (S3 stores names lower-cased).
    public var metadata: [String: String]
    /// Write only if no object exists under the key yet (`If-None-Match: *`).
    public var onlyIfAbsent: Bool
    /// Send `Content-MD5` so S3 rejects a body that was damaged on the way.
    public var sendContentMD5: Bool
    /// Write only if the object's entity tag is still this one (`If-Match`): a compare-and-swap.
    /// A different object gives `.alreadyExists`; no object at all gives S3's NoSuchKey error.
    public var onlyIfETag: String?

    /// Options; by default none of them are set.
    public init(
        contentType: String? = nil, serverSideEncryption: ServerSideEncryption? = nil,
        metadata: [String: String] = [:], onlyIfAbsent: Bool = false, sendContentMD5: Bool = false
    ) {
        self.contentType = contentType
        self.serverSideEncryption = serverSideEncryption
        self.metadata = metadata
        self.onlyIfAbsent = onlyIfAbsent
        self.sendContentMD5 = sendContentMD5
        self.onlyIfETag = nil
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
public enum PutObjectResult: Sendable, Equatable {
    /// The object was written.
    case written(eTag: String?, versionId: String?)
    /// `onlyIfAbsent` was set and an object already existed under the key (HTTP 412).
    case alreadyExists
}

/// What HeadObject says about an object.
public struct ObjectMetadata: Sendable, Equatable {
    /// The entity tag, without quotes.
    public var eTag: String?
    /// The size in bytes.
    public var contentLength: Int64?
    public var contentType: String?
    public var lastModified: Date?
    public var versionId: String?
    /// `AES256` or `aws:kms`.
    public var serverSideEncryption: String?
    /// User metadata without the `x-amz-meta-` prefix (names lower-cased).
    public var metadata: [String: String]

    /// Reads the metadata from a HeadObject or GetObject response's headers.
    init(headers response: HTTPResponse) {
        eTag = response.header("ETag").map(S3.unquoted)
        contentLength = response.header("Content-Length").flatMap { Int64($0) }
        contentType = response.header("Content-Type")
        lastModified = response.header("Last-Modified").flatMap(S3.parseHTTPDate)
        versionId = response.header("x-amz-version-id")
        serverSideEncryption = response.header("x-amz-server-side-encryption")
        var metadata: [String: String] = [:]
        for (name, value) in response.headers where name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(name.lowercased().dropFirst("x-amz-meta-".count))] = value
        }
        self.metadata = metadata
    }
}

/// An object's bytes and metadata (GetObject).
public struct S3ObjectContent: Sendable {
    public var body: Data
    public var metadata: ObjectMetadata
}

/// One object in a listing (ListObjectsV2 `Contents`).
public struct S3Object: Decodable, Sendable, Equatable {
    public var key: String
    public var lastModified: Date?
    /// The entity tag as S3 lists it (with quotes).
    public var eTag: String?
    public var size: Int64?
    public var storageClass: String?
}

/// One page of ListObjectsV2.
struct ListObjectsV2Page: Decodable, Sendable {
    var contents: [S3Object]?
    var isTruncated: Bool?
    var nextContinuationToken: String?
}

/// What DeleteObjects did.
public struct DeleteObjectsResult: Sendable, Equatable {
    /// The keys deleted.
    public var deleted: [String]
    /// The keys that could not be deleted, with S3's code and message.
    public var errors: [DeleteObjectsError]
}

/// A key DeleteObjects could not delete.
public struct DeleteObjectsError: Decodable, Sendable, Equatable {
    public var key: String?
    public var code: String?
    public var message: String?
}

struct DeleteObjectsPage: Decodable, Sendable {
    struct Deleted: Decodable, Sendable { var key: String? }
    var deleted: [Deleted]?
    var error: [DeleteObjectsError]?
}

/// A part uploaded in a multipart upload, as CompleteMultipartUpload needs it.
public struct CompletedPart: Sendable, Equatable {
    public var partNumber: Int
    /// The part's ETag as UploadPart returned it (with quotes).
    public var eTag: String

    /// A part.
    public init(partNumber: Int, eTag: String) {
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
public enum BucketAccess: Sendable, Equatable {
    /// It exists and these credentials may use it; `region` is where it lives, when S3 said.
    case exists(region: String?)
    /// No bucket has this name.
    case notFound
    /// It exists but belongs to someone else, or these credentials may not use it.
    case forbidden
}
