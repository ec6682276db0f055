import Foundation

/// One version of an object, or a delete marker (ListObjectVersions).
package struct S3ObjectVersion: Sendable, Equatable {
    package var key: String
    /// `null` in a bucket that never had versioning.
    package var versionId: String
    /// 0 for a delete marker.
    package var size: Int64
    package var isLatest: Bool
    package var isDeleteMarker: Bool
    package var lastModified: Date?

    package init(key: String, versionId: String, size: Int64, isLatest: Bool, isDeleteMarker: Bool, lastModified: Date?) {
        self.key = key
        self.versionId = versionId
        self.size = size
        self.isLatest = isLatest
        self.isDeleteMarker = isDeleteMarker
        self.lastModified = lastModified
    }
}

/// A multipart upload that was started and neither completed nor aborted (ListMultipartUploads).
package struct S3MultipartUpload: Sendable, Equatable {
    package var key: String
    package var uploadId: String
    package var initiated: Date?

    package init(key: String, uploadId: String, initiated: Date?) {
        self.key = key
        self.uploadId = uploadId
        self.initiated = initiated
    }
}

/// A bucket lifecycle rule as Ferry sets it: scoped to a prefix (empty: the whole bucket).
package struct S3LifecycleRule: Sendable, Equatable {
    package var id: String
    package var prefix: String
    /// Days after which incomplete multipart uploads are aborted.
    package var abortIncompleteMultipartUploadDays: Int?
    /// Days after which noncurrent versions are deleted.
    package var noncurrentVersionExpirationDays: Int?

    package init(id: String, prefix: String = "", abortIncompleteMultipartUploadDays: Int? = nil,
                noncurrentVersionExpirationDays: Int? = nil) {
        self.id = id
        self.prefix = prefix
        self.abortIncompleteMultipartUploadDays = abortIncompleteMultipartUploadDays
        self.noncurrentVersionExpirationDays = noncurrentVersionExpirationDays
    }
}

/// One page of ListObjectVersions.
struct S3ListVersionsPage: Decodable, Sendable {
    struct Entry: Decodable, Sendable {
        var key: String
        var versionId: String?
        var isLatest: Bool?
        var size: Int64?
        var lastModified: Date?

        func version(deleteMarker: Bool) -> S3ObjectVersion {
            S3ObjectVersion(key: key, versionId: versionId ?? "null", size: deleteMarker ? 0 : size ?? 0,
                            isLatest: isLatest ?? false, isDeleteMarker: deleteMarker, lastModified: lastModified)
        }
    }
    var version: [Entry]?
    var deleteMarker: [Entry]?
    var isTruncated: Bool?
    var nextKeyMarker: String?
    var nextVersionIdMarker: String?
}

/// One page of ListMultipartUploads.
struct S3ListMultipartUploadsPage: Decodable, Sendable {
    struct Upload: Decodable, Sendable {
        var key: String
        var uploadId: String
        var initiated: Date?
    }
    var upload: [Upload]?
    var isTruncated: Bool?
    var nextKeyMarker: String?
    var nextUploadIdMarker: String?
}
